/**
 * Cross-origin reads: a page served elsewhere may read the API when its origin is configured, or
 * when `*` is. A browser enforces what these headers say; a request from another origin gets no
 * CORS header and the browser keeps the answer from the page.
 */

/** What a page sends to a deployed API beside its GET: SigV4 signs with these. */
const ALLOWED_REQUEST_HEADERS = 'authorization, content-type, x-amz-date, x-amz-security-token, x-amz-content-sha256';

/** Chromium keeps a preflight no longer than two hours, whatever it is told. */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

type Headers = Record<string, string>;

/** The headers that let the page at `origin` read a response, for every response. */
export function corsHeaders(origin: string | undefined, allowed: readonly string[]): Headers {
  // Any origin: one answer for all, which a shared cache may keep without telling origins apart.
  if (allowed.includes('*')) return { 'access-control-allow-origin': '*' };
  if (allowed.length === 0) return {};
  // The answer depends on the origin from here on, allowed or not: a shared cache must not hand one origin's to another.
  const vary = { vary: 'Origin' };
  return origin !== undefined && allowed.includes(origin) ? { 'access-control-allow-origin': origin, ...vary } : vary;
}

/** The answer to a preflight (OPTIONS): what an allowed page may send, and for how long the browser may remember it. */
export function preflightHeaders(origin: string | undefined, allowed: readonly string[]): Headers {
  const headers = corsHeaders(origin, allowed);
  if (headers['access-control-allow-origin'] === undefined) return headers;
  return {
    ...headers,
    'access-control-allow-methods': 'GET',
    'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
  };
}
