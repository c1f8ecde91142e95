/**
 * The HTML document around the dashboard's sections: header, landmarks, the shared tooltip,
 * and the inline style and script. Its Content-Security-Policy allows that style and script
 * alone and no request of any kind, so that markup slipped in through a feed could neither run
 * nor fetch anything, and the page works offline.
 */
import { createHash } from 'node:crypto';
import { escapeHtml, timeElement } from './escape.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { legend } from './point-shapes.js';

const TITLE = 'transfer-watch: IS detainees moved from Syria to Iraq';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const POLICY = [
  "default-src 'none'",
  `style-src ${sha256(PAGE_STYLE)}`,
  `script-src ${sha256(PAGE_SCRIPT)}`,
  // The empty icon below, so that the browser asks the server for no favicon.
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const TOOLTIP =
  '<div id="tooltip" class="tooltip" role="tooltip" hidden>' +
  '<p class="tip-value"></p><p><span class="tip-outlet"></span>, <span class="tip-time"></span></p><p class="tip-note"></p>' +
  '<blockquote class="tip-quote"></blockquote><a class="tip-link">Open the report</a></div>';

export function pageShell({ asOf, main }: { asOf: string | undefined; main: string }): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(POLICY)}">` +
    // Outlets need not learn where their readers came from.
    '<meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">' +
    `<title>${escapeHtml(TITLE)}</title><style>${PAGE_STYLE}</style></head><body>` +
    '<a class="skip" href="#main">Skip to the figures</a>' +
    `<header><h1>${escapeHtml(TITLE)}</h1><p class="muted">${asOf ? `Data as of ${timeElement(asOf)}` : 'No data yet'}</p>` +
    '<p>The figures news outlets give about the transfer of Islamic State detainees from north-eastern Syria to Iraq, read from their feeds, each with the words it was read from.</p>' +
    `${legend()}</header>` +
    `<main id="main">${main}</main>` +
    '<footer><p>Figures are as the outlets reported them, not checked by anyone. Times are in UTC.</p></footer>' +
    `${TOOLTIP}<script>${PAGE_SCRIPT}</script></body></html>`
  );
}
