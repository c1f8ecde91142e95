/**
 * Everything on the page that came from a feed (quotes, outlets, links, even metric and facility
 * names) is untrusted: it reaches the HTML only through these functions.
 */
import { minute } from './words.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe as element text and as a quoted attribute value alike, so callers need not tell the two apart. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

/** ` name="value"`, escaped. */
export function attribute(name: string, value: string | number): string {
  return ` ${name}="${escapeHtml(String(value))}"`;
}

/** The link as an address a browser may follow, or nothing: `javascript:`, `data:` and the like never become hrefs. */
export function safeHref(link: string): string | undefined {
  try {
    const url = new URL(link.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link to `link` reading `text`; when the link is not http(s), the text alone, so the reader still sees who said it. */
export function linkTo(link: string, text: string): string {
  const href = safeHref(link);
  return href === undefined ? escapeHtml(text) : `<a${attribute('href', href)}>${escapeHtml(text)}</a>`;
}

/** A time as an HTML <time>: machine-readable, and in words. */
export function timeElement(iso: string): string {
  return `<time${attribute('datetime', iso)}>${escapeHtml(minute(iso))}</time>`;
}
