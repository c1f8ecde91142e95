/**
 * The key `transfer-watch serve` signs its cursors with: random, made the first time, kept in the
 * data folder beside the store, so that a cursor still works after serve restarts; readable by its
 * owner only, since whoever has it can forge cursors.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MIN_CURSOR_KEY_BYTES } from '../core/query/cursor-signer.js';

export const CURSOR_KEY_FILE = 'cursor-key';

export async function localCursorKey(dataDir: string): Promise<Buffer> {
  const file = join(dataDir, CURSOR_KEY_FILE);
  await mkdir(dataDir, { recursive: true });
  // Written aside and linked into place, which fails if a key is there already: two commands
  // starting at once keep one key between them, and neither ever reads a half-written one.
  const draft = `${file}.${randomUUID()}`;
  await writeFile(draft, randomBytes(MIN_CURSOR_KEY_BYTES), { mode: 0o600 });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
  const key = await readFile(file);
  if (key.length < MIN_CURSOR_KEY_BYTES)
    throw new Error(`${file} holds ${key.length} bytes, too few to sign cursors with: delete it, and serve makes a new key`);
  return key;
}
