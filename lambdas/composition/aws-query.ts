/**
 * The deployed query function: the stack's table and nothing else, so that its bundle carries
 * neither the SNS client nor the poll cycle.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadQuerySettings } from '../adapters/config-file.js';
import { createDynamoStore } from '../adapters/store/dynamo-store.js';
import type { Store } from '../core/poll/ports.js';

/** The query API only reads the table: a wrong or missing table name fails the cold start, saying so. */
export function composeAwsQuery(env: NodeJS.ProcessEnv): Store {
  return createDynamoStore(new DynamoDBClient({}), loadQuerySettings(env).tableName);
}
