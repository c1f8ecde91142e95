/**
 * Signs the cursors the API hands out, so that a cursor it reads back is one it made: a caller can
 * neither point a list at a position of its own choosing nor make the API parse text it did not
 * write. The key is the carrier's to supply; the core never looks for one.
 */
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';

/** As long as HMAC-SHA256's output: a shorter key would be easier to guess than the signature is to forge. */
export const MIN_CURSOR_KEY_BYTES = 32;

export interface CursorSigner {
  /** `<payload>.<signature>`, both base64url: the payload is `data`, the signature its HMAC-SHA256. */
  sign(data: string): string;
  /** The data of a cursor this key signed; undefined for anything else, its payload unread. */
  verify(cursor: string): string | undefined;
}

export function hmacCursorSigner(key: Uint8Array): CursorSigner {
  if (key.length < MIN_CURSOR_KEY_BYTES) throw new Error(`a cursor key must be at least ${MIN_CURSOR_KEY_BYTES} bytes, not ${key.length}`);
  const secret = createSecretKey(key);
  const signatureOf = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    sign(data) {
      const payload = Buffer.from(data, 'utf8').toString('base64url');
      return `${payload}.${signatureOf(payload)}`;
    },
    verify(cursor) {
      const [payload, signature, ...rest] = cursor.split('.');
      if (payload === undefined || signature === undefined || rest.length > 0) return undefined;
      // The signature's text is compared, not its decoded bytes: base64url decoding ignores the
      // spare bits of the last character, so a tampered text could decode to the same bytes.
      const given = Buffer.from(signature, 'utf8');
      const expected = Buffer.from(signatureOf(payload), 'utf8');
      // Only the length, which every signature shares, is learnt from how long this takes.
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      return Buffer.from(payload, 'base64url').toString('utf8');
    },
  };
}
