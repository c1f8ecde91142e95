/** Entity tags for conditional GET: a caller that has the body already gets a 304 instead of it again. */
import { createHash } from 'node:crypto';

/** A strong tag: a hash of the body itself, so equal bodies share it whichever instance served them. */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether If-None-Match names `tag`. The comparison is weak (RFC 9110, 13.1.2): a cache or a
 * compressing proxy may hand the caller a weak copy of a strong tag, and it still names this body.
 */
export function isNotModified(ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag);
}
