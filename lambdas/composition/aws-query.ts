/**
 * The deployed query function: the stack's table and its cursor key, nothing else, so that its
 * bundle carries neither the SNS client nor the poll cycle.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadQuerySettings } from '../adapters/config-file.js';
import { readCursorKeySecret } from '../adapters/cursor-key-secret.js';
import { createDynamoStore } from '../adapters/store/dynamo-store.js';
import type { Store } from '../core/poll/ports.js';
import { hmacCursorSigner, type CursorSigner } from '../core/query/cursor-signer.js';

export interface AwsQuery {
  store: Store;
  /** The origins whose pages may read the API. */
  corsOrigins: string[];
  signer: CursorSigner;
}

/**
 * The query API only reads the table: a wrong or missing setting, or a secret it cannot read,
 * fails the cold start, saying so. The key is read here once, not per request.
 */
export async function composeAwsQuery(env: NodeJS.ProcessEnv): Promise<AwsQuery> {
  const { tableName, corsOrigins, cursorKeySecretArn } = loadQuerySettings(env);
  const secrets = new SecretsManagerClient({});
  try {
    const signer = hmacCursorSigner(await readCursorKeySecret(secrets, cursorKeySecretArn));
    return { store: createDynamoStore(new DynamoDBClient({}), tableName), corsOrigins, signer };
  } finally {
    secrets.destroy();
  }
}
