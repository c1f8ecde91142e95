import { InvalidArgumentError } from 'commander';
import { localCursorKey } from '../../lambdas/adapters/cursor-key-file.js';
import { respond, type HttpApiOptions } from '../../lambdas/adapters/http/http-api.js';
import { listenHttp, type ListeningServer } from '../../lambdas/adapters/http/node-http-server.js';
import { openLocalStore } from '../../lambdas/composition/local.js';
import { hmacCursorSigner } from '../../lambdas/core/query/cursor-signer.js';
import type { Output } from './poll.js';

export interface ServeOptions {
  dataDir: string;
  host: string;
  /** 0: any free port, the one chosen being printed. */
  port: number;
  corsOrigins: string[];
}

/** The value of --port. */
export function portNumber(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || port > 65_535) throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return port;
}

function nextStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    // Once only: a second signal, while the store closes, ends the process at once as it would by default.
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Serves the dashboard and the query API from the local store until SIGINT or SIGTERM, then closes the store. */
export async function serve(options: ServeOptions, output: Output): Promise<void> {
  const signer = hmacCursorSigner(await localCursorKey(options.dataDir));
  const local = await openLocalStore(options.dataDir);
  const api: HttpApiOptions = {
    corsOrigins: options.corsOrigins,
    signer,
    onError: (error, request) =>
      output.err(
        `transfer-watch: ${request.method} ${request.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      ),
  };
  let server: ListeningServer;
  try {
    server = await listenHttp((request) => respond(local.store, request, api), options);
  } catch (error) {
    await local.close();
    throw error;
  }
  // Listened for before the address is printed: whoever reads it may stop the server at once.
  const stopped = nextStopSignal();
  output.out(`transfer-watch: serving ${server.url} (dashboard), API at /series, /changes, /feeds, /runs, /openapi.json\n`);
  await stopped;
  await server.close();
  await local.close();
}
