/**
 * rss-parser, which the poller uses, and a faster feed parser it could use instead, each timed bare
 * over the same feed bodies: what parsing costs a cycle, and what switching parsers would save it.
 * The alternative is a maintained RSS/Atom parser built on fast-xml-parser, installed for this
 * measurement only; the product stays on rss-parser.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { createRequire } from 'node:module';
import Parser from 'rss-parser';

const ALTERNATIVE = '@rowanmanning/feed-parser';
const RUNS = 3;

export interface ParserTimes {
  /** The feed bodies parsed in one pass, in megabytes (10^6 bytes). */
  megabytes: number;
  /** rss-parser's parseString over every body, best of 3. */
  rss_parser_s: number;
  alternative: { name: string; version: string; seconds: number };
}

/** Times both parsers over `bodies`, each of which must give `items` items in all. */
export async function timeFeedParsers(bodies: readonly string[], items: number): Promise<ParserTimes> {
  const rssParser = new Parser();
  const { version } = createRequire(import.meta.url)(`${ALTERNATIVE}/package.json`) as { version: string };
  return {
    megabytes: bodies.reduce((total, body) => total + Buffer.byteLength(body), 0) / 1e6,
    rss_parser_s: await bestOf('rss-parser', bodies, items, async (body) => (await rssParser.parseString(body)).items.length),
    alternative: { name: ALTERNATIVE, version, seconds: await bestOf(ALTERNATIVE, bodies, items, (body) => parseFeed(body).items.length) },
  };
}

/** The fastest of a few passes: the others are the machine's noise, not the parser's. */
async function bestOf(
  name: string,
  bodies: readonly string[],
  expected: number,
  itemsOf: (body: string) => number | Promise<number>,
): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < RUNS; run += 1) {
    const started = process.hrtime.bigint();
    let items = 0;
    for (const body of bodies) items += await itemsOf(body);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
    if (items !== expected) throw new Error(`${name} read ${items} items, not ${expected}`);
  }
  return best;
}
