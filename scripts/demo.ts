/**
 * The demo: replays how the story unfolded from feed snapshots served on 127.0.0.1, shows every
 * alert as a subscriber would get it, then the stored series, and where to see them on the
 * dashboard. Offline, on the embedded store, in a fresh data folder.
 */
import { rmSync } from 'node:fs';
import { queryStore } from '../bin/commands/query.js';
import { replayDemo } from './demo-replay.js';

// The demo supports Node 20 as the CLI does; the deployed Lambdas run Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Kept after the demo, so the dashboard can show it; replaced by the next run. */
const DATA_DIR = '.transfer-watch/demo';

const write = (text: string) => process.stdout.write(text);
rmSync(DATA_DIR, { recursive: true, force: true });
await replayDemo(DATA_DIR, write);
write('\n######## what is stored now (transfer-watch query)\n\n');
await queryStore({ dataDir: DATA_DIR, json: false }, write);
write(`\nSee it on the dashboard: npx transfer-watch serve --data-dir ${DATA_DIR}   (then open http://127.0.0.1:8080/)\n`);
