/** Local mode: dynalite under a data folder for the store, and the console for alerts. */
import { join } from 'node:path';
import { createConsolePublisher } from '../adapters/publish/console-publisher.js';
import { createDynamoStore } from '../adapters/store/dynamo-store.js';
import { startEmbeddedDynamoDb } from '../adapters/store/embedded-dynamodb.js';
import type { Config } from '../core/config/config.js';
import type { PollDependencies } from '../core/poll/poll-cycle.js';
import type { Store } from '../core/poll/ports.js';
import { pollDependencies, type Wiring } from './poll-dependencies.js';

export const DEFAULT_DATA_DIR = '.transfer-watch';

export interface LocalStore {
  store: Store;
  close(): Promise<void>;
}

/** The store of local mode: dynalite keeping its tables under `dataDir`, so state persists between runs. */
export async function openLocalStore(dataDir: string = DEFAULT_DATA_DIR): Promise<LocalStore> {
  const dynamo = await startEmbeddedDynamoDb({ dataDir: join(dataDir, 'dynamodb') });
  return { store: createDynamoStore(dynamo.client, dynamo.tableName), close: () => dynamo.close() };
}

export interface LocalPoll {
  deps: PollDependencies;
  store: Store;
  close(): Promise<void>;
}

export interface LocalOptions extends Omit<Wiring, 'store' | 'publisher'> {
  dataDir?: string;
  write: (text: string) => void;
  json: boolean;
}

/** Local mode: the embedded store under `dataDir`, and alerts written out instead of published. */
export async function composeLocalPoll(config: Config, { dataDir, write, json, ...wiring }: LocalOptions): Promise<LocalPoll> {
  const local = await openLocalStore(dataDir);
  const publisher = createConsolePublisher(write, { json });
  return { deps: pollDependencies(config, { store: local.store, publisher, ...wiring }), store: local.store, close: local.close };
}
