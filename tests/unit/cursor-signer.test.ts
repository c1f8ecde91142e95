/** The signed cursors of /changes: `<payload>.<signature>`, and nothing but what the key signed opened. */
import { createHmac } from 'node:crypto';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacCursorSigner } from '../../lambdas/core/query/cursor-signer.js';

const KEY = Buffer.alloc(32, 'k');
const signer = hmacCursorSigner(KEY);
const DATA = '{"createdAt":"2026-02-01T07:00:00.000Z","id":"a1"}';

describe('a cursor', () => {
  it('is the data in base64url, a dot, and its HMAC-SHA256 under the key in base64url', () => {
    const payload = Buffer.from(DATA).toString('base64url');
    expect(signer.sign(DATA)).toBe(`${payload}.${createHmac('sha256', KEY).update(payload).digest('base64url')}`);
  });

  it('opens to the data it was signed with', () => {
    expect(signer.verify(signer.sign(DATA))).toBe(DATA);
  });

  it('opens under the same key only', () => {
    expect(hmacCursorSigner(Buffer.from(KEY)).verify(signer.sign(DATA))).toBe(DATA);
    expect(hmacCursorSigner(Buffer.alloc(32, 'j')).verify(signer.sign(DATA))).toBeUndefined();
  });

  it('is refused unsigned, cut short, or with a dot too many', () => {
    const cursor = signer.sign(DATA);
    const payload = cursor.split('.')[0]!;
    for (const refused of [payload, `${payload}.`, cursor.slice(0, -1), cursor.slice(1), `${cursor}.`, `${cursor}.x`, '', '.'])
      expect(signer.verify(refused), refused).toBeUndefined();
  });

  it('is refused when its signature differs only in the bits base64url decoding drops', () => {
    const cursor = signer.sign(DATA);
    const last = cursor.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 43 characters carry 258 bits for the signature's 256: the last one's low two bits are spare.
    const sameBytes = alphabet[(alphabet.indexOf(last) & ~3) | ((alphabet.indexOf(last) + 1) & 3)]!;
    const tampered = `${cursor.slice(0, -1)}${sameBytes}`;
    expect(Buffer.from(tampered.split('.')[1]!, 'base64url')).toEqual(Buffer.from(cursor.split('.')[1]!, 'base64url'));
    expect(signer.verify(tampered)).toBeUndefined();
  });

  it('is refused with any one character changed, added or taken out', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.nat(),
        fc.constantFrom('replace', 'insert', 'delete'),
        fc.string({ minLength: 1, maxLength: 1 }),
        (data, at, edit, character) => {
          const cursor = signer.sign(data);
          const index = at % cursor.length;
          const changed =
            edit === 'delete'
              ? cursor.slice(0, index) + cursor.slice(index + 1)
              : cursor.slice(0, index) + character + cursor.slice(edit === 'replace' ? index + 1 : index);
          fc.pre(changed !== cursor);
          expect(signer.verify(changed)).toBeUndefined();
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('a cursor key', () => {
  it('shorter than 32 bytes is refused', () => {
    expect(() => hmacCursorSigner(Buffer.alloc(31))).toThrow('a cursor key must be at least 32 bytes, not 31');
  });
});
