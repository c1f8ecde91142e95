/**
 * The deployed query function: the stack's table and nothing else, so that its bundle carries
 * neither the SNS client nor the poll cycle.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadQuerySettings } from '../adapters/config-file.js';
import { createDynamoStore } from '../adapters/store/dynamo-store.js';
import type { Store } from '../core/poll/ports.js';

export interface AwsQuery {
  store: Store;
  /** The origins whose pages may read the API. */
  corsOrigins: string[];
}

/** The query API only reads the table: a wrong or missing setting fails the cold start, saying so. */
export function composeAwsQuery(env: NodeJS.ProcessEnv): AwsQuery {
  const { tableName, corsOrigins } = loadQuerySettings(env);
  return { store: createDynamoStore(new DynamoDBClient({}), tableName), corsOrigins };
}
