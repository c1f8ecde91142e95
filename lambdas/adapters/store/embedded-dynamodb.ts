import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { ensureTable } from './table.js';

export interface EmbeddedDynamoDb {
  client: DynamoDBClient;
  tableName: string;
  endpoint: string;
  close(): Promise<void>;
}

export const EMBEDDED_TABLE = 'transfer-watch';

/**
 * A DynamoDB API served in-process by dynalite, kept under `dataDir` so state persists between
 * runs (in memory when no folder is given): the store of local mode and of the tests.
 */
export async function startEmbeddedDynamoDb({ dataDir }: { dataDir?: string } = {}): Promise<EmbeddedDynamoDb> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const server = dynalite({ ...(dataDir ? { path: dataDir } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // dynalite checks no signature; the SDK still wants credentials to sign with.
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(client, EMBEDDED_TABLE);
  return {
    client,
    tableName: EMBEDDED_TABLE,
    endpoint,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
