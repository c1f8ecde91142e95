/**
 * How large a request the API takes. It only answers GET, so a body is never read: one past the
 * limit is refused rather than received, and a URL far longer than the API's parameters can make
 * is refused before it is parsed.
 */
import type { QueryAnswer } from '../../core/query/query-answer.js';
import type { HttpRequest } from './http-api.js';

export const MAX_BODY_BYTES = 8 * 1024;

/**
 * Several times the longest URL the API's own parameters make (names of 100 characters, percent-encoded,
 * and a cursor); API Gateway (10 KB) and Node (16 KB) stop longer request lines before they get here.
 */
export const MAX_TARGET_LENGTH = 4 * 1024;

/** The refusal of a request too large to answer, or undefined for one that is not. */
export function refuseOversized({ bodyBytes, path, query }: HttpRequest): QueryAnswer | undefined {
  if (bodyBytes > MAX_BODY_BYTES)
    return { status: 413, body: { error: `the request body is over ${MAX_BODY_BYTES} bytes; the API reads none` } };
  if (path.length + query.length > MAX_TARGET_LENGTH)
    return { status: 414, body: { error: `the URL is over ${MAX_TARGET_LENGTH} characters` } };
  return undefined;
}
