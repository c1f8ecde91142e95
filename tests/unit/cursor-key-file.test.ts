/** The cursor key of `transfer-watch serve`: made once in the data folder, kept from its owner's eyes only. */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURSOR_KEY_FILE, localCursorKey } from '../../lambdas/adapters/cursor-key-file.js';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'transfer-watch-cursor-key-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('the local cursor key', () => {
  it('is 32 random bytes, made in a data folder that did not exist yet, readable and writable by its owner only', async () => {
    const dataDir = join(folder, 'data');
    const key = await localCursorKey(dataDir);
    expect(key).toHaveLength(32);
    expect(statSync(join(dataDir, CURSOR_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual([CURSOR_KEY_FILE]);
  });

  it('is the same key the next time, so that cursors outlive a restart', async () => {
    const first = await localCursorKey(folder);
    expect(await localCursorKey(folder)).toEqual(first);
  });

  it('is one key for commands that start at once', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => localCursorKey(folder)));
    for (const key of keys) expect(key).toEqual(keys[0]);
    expect(readdirSync(folder)).toEqual([CURSOR_KEY_FILE]);
  });

  it('differs from one data folder to another', async () => {
    const other = join(folder, 'other');
    expect(await localCursorKey(other)).not.toEqual(await localCursorKey(folder));
  });

  it('is refused when the file holds too few bytes, saying what to do', async () => {
    writeFileSync(join(folder, CURSOR_KEY_FILE), 'short');
    await expect(localCursorKey(folder)).rejects.toThrow(
      `${join(folder, CURSOR_KEY_FILE)} holds 5 bytes, too few to sign cursors with: delete it, and serve makes a new key`,
    );
  });
});
