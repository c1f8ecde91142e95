/**
 * Properties of the feed parser and the extractor on hostile input: random unicode (astral, right to
 * left, zero width), control characters, a 1 MB sentence, HTML nested 10,000 deep, 30-digit numbers
 * and every kind of entity. Whatever they are given, the parser fails only with FeedParseError, the
 * extractor never fails, and every figure is a whole count from 1 to 10 million. A run that hangs is
 * caught by the test's timeout: no property measures time.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRssFeedParser } from '../../lambdas/adapters/parse/rss-feed-parser.js';
import { loadTopicFile } from '../../lambdas/adapters/topic-file.js';
import { createExtractor, type Extraction, type ExtractInput } from '../../lambdas/core/extract/extract.js';
import { MAX_PEOPLE } from '../../lambdas/core/extract/not-a-count.js';
import { FeedParseError, type FeedItem, type ParsedFeed } from '../../lambdas/core/feed/feed.js';

const topic = loadTopicFile();
/** `explain` keeps a reason for every number; the pipeline passes over sentences without a cue before reading their numbers. */
const extractors = { explain: createExtractor(topic), pipeline: createExtractor(topic, { reasons: false }) };
const parser = createRssFeedParser();

/** Every named character reference of HTML, from the tables of the entities package that rss-parser decodes with. */
const fromRssParser = createRequire(createRequire(import.meta.url).resolve('rss-parser'));
const NAMED_ENTITIES = [
  ...Object.keys(fromRssParser('entities/lib/maps/entities.json') as Record<string, string>).map((name) => `&${name};`),
  // The legacy references a browser also reads without the semicolon.
  ...Object.keys(fromRssParser('entities/lib/maps/legacy.json') as Record<string, string>).map((name) => `&${name}`),
];

const THE_STORY = 'US forces moved 150 Islamic State detainees from Syria to Iraq on Wednesday.';

const char = (codePoint: number) => String.fromCodePoint(codePoint);
const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map(char);
const bidiAndZeroWidth = fc.constantFrom(
  ...['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f', '\u180e'],
  ...['\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'],
  ...['نقل', '١٥٠', '۱۵۰', 'מעצר', 'محتجز'],
);
const control = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map(char);
/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const thirtyDigits = fc.bigInt({ min: 10n ** 29n, max: 10n ** 30n - 1n }).map(String);
const withCommas = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const entity = fc.oneof(
  fc.constantFrom(...NAMED_ENTITIES),
  fc.integer({ min: 0, max: 0x10ffff }).map((code) => `&#${code};`),
  fc.integer({ min: 0, max: 0x10ffff }).map((code) => `&#x${code.toString(16)};`),
  fc.integer({ min: 0, max: 0x10ffff }).map((code) => `&#X${code.toString(16).toUpperCase()};`),
  fc.constantFrom('&#;', '&#x;', '&#-1;', '&#xD800;', '&#xDFFF;', '&#0;', '&#x110000;', '&#99999999999;', '&;', '&amp', '&#65', '&AMP'),
  thirtyDigits.map((digits) => `&#${digits};`),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,40}$/).map((name) => `&${name};`),
);
const markup = fc.constantFrom(
  ...['<p>', '</p>', '<div dir="rtl">', '</div>', '<br/>', '<b>', '</b>', '<td>', '<li>', '<script>', '</script>', '<style>'],
  ...['<![CDATA[', ']]>', '<!--', '-->', '<', '>', '&', '"', "'", '</', '/>', '<?xml version="1.0"?>', '<!DOCTYPE html>'],
);
/** Words the extractor reacts to, so that hostile text reaches its deeper rules and not just its gate. */
const storyWords = fc.constantFrom(
  ...['US forces moved', 'transferred', 'detainees', 'Islamic State', 'to Iraq', 'from Syria', 'al-Hol', 'camp', 'holds'],
  ...['more than', 'up to', 'about', 'another', '1,500', '24,000', '7-8,000', 'seven thousand', 'half a million', '.', '?', '\n'],
);
/** Counts from nothing to twice the largest figure, and far past it. */
const count = fc.oneof(
  fc.integer({ min: 0, max: 2 * MAX_PEOPLE }).map(String),
  fc.integer({ min: 0, max: 2 * MAX_PEOPLE }).map((value) => withCommas(String(value))),
  thirtyDigits,
  thirtyDigits.map(withCommas),
);
const hostilePiece = fc.oneof(
  { arbitrary: storyWords, weight: 6 },
  { arbitrary: count, weight: 3 },
  astral,
  bidiAndZeroWidth,
  control,
  codeUnit,
  entity,
  markup,
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const hostileText = fc.array(hostilePiece, { maxLength: 80 }).map((pieces) => pieces.join(' '));

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The same text as a feed may carry it: raw (which may break the XML), escaped, or in CDATA. */
const carried = fc.tuple(hostileText, fc.constantFrom('raw', 'escaped', 'cdata')).map(([text, how]) => {
  if (how === 'raw') return text;
  if (how === 'escaped') return escapeXml(text);
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
});

const rssFeed = fc
  .record({ title: carried, description: carried, content: carried, link: carried, guid: carried, date: carried })
  .map(
    (item) =>
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${item.title}</title>` +
      `<item><title>${item.title}</title><link>${item.link}</link><guid>${item.guid}</guid><pubDate>${item.date}</pubDate>` +
      `<description>${item.description}</description><content:encoded>${item.content}</content:encoded></item></channel></rss>`,
  );
const atomFeed = fc
  .record({
    title: carried,
    summary: carried,
    content: carried,
    id: carried,
    date: carried,
    type: fc.constantFrom('text', 'html', 'xhtml'),
  })
  .map(
    (entry) =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>${entry.title}</title><entry><id>${entry.id}</id><title>${entry.title}</title>` +
      `<published>${entry.date}</published><updated>${entry.date}</updated><link href="https://example.org/a"/>` +
      `<summary>${entry.summary}</summary><content type="${entry.type}">${entry.content}</content></entry></feed>`,
  );
const anyDocument = fc.oneof(rssFeed, atomFeed, hostileText, fc.string({ unit: 'binary', maxLength: 500 }));

/** Every figure a whole count of people from 1 to 10 million, whatever the text. */
function expectSaneFigures(extraction: Extraction): void {
  for (const figure of extraction.figures) {
    expect(Number.isInteger(figure.value), `${figure.value} is a whole number`).toBe(true);
    expect(figure.value).toBeGreaterThanOrEqual(1);
    expect(figure.value).toBeLessThanOrEqual(MAX_PEOPLE);
  }
}

function extractBothWays(input: ExtractInput): Extraction[] {
  return [extractors.explain(input), extractors.pipeline(input)];
}

/** The feed, or undefined when it is refused; any failure but a FeedParseError fails the property. */
async function parseOrRefuse(xml: string): Promise<ParsedFeed | undefined> {
  try {
    return await parser.parse(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return undefined;
  }
}

function readItem(item: FeedItem): Extraction[] {
  for (const value of Object.values(item)) expect(typeof value).toBe('string');
  return extractBothWays({ ...(item.title ? { title: item.title } : {}), text: item.content ?? item.summary ?? '' });
}

describe('the extractor on hostile text', () => {
  it('never throws, and every figure is a whole count from 1 to 10 million', () => {
    fc.assert(
      fc.property(hostileText, fc.option(hostileText, { nil: undefined }), (text, title) => {
        for (const extraction of extractBothWays({ text, ...(title ? { title } : {}) })) expectSaneFigures(extraction);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a sentence of 1 MB, whatever it is made of', () => {
    const noSentenceEnd = hostilePiece.filter((piece) => !/[.!?\n\r\u2028\u2029]/.test(piece));
    const megabyteSentence = fc.array(noSentenceEnd, { minLength: 1, maxLength: 40 }).map((pieces) => {
      const unit = `${pieces.join(' ')} `;
      return unit.repeat(Math.ceil(1_000_000 / unit.length));
    });
    fc.assert(
      fc.property(megabyteSentence, (sentence) => {
        for (const extraction of extractBothWays({ text: `${THE_STORY} ${sentence}` })) expectSaneFigures(extraction);
      }),
      { numRuns: 2, endOnFailure: true },
    );
  }, 120_000);

  it('reads the words inside HTML nested up to 10,000 deep, closed or not', () => {
    const tag = fc.constantFrom('div', 'span', 'p', 'b', 'li', 'blockquote', 'section', 'font', 'x-custom', 'td');
    const depth = fc.oneof(fc.constant(10_000), fc.integer({ min: 1, max: 10_000 }));
    fc.assert(
      fc.property(tag, depth, fc.boolean(), (name, levels, closed) => {
        const html = `<${name} dir="rtl">`.repeat(levels) + THE_STORY + (closed ? `</${name}>`.repeat(levels) : '');
        for (const extraction of extractBothWays({ text: html })) expect(extraction.figures.map((figure) => figure.value)).toEqual([150]);
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  it('gives no figure for a number of 30 digits, and explains that it is too large to count people', () => {
    fc.assert(
      fc.property(thirtyDigits, fc.boolean(), (digits, grouped) => {
        const written = grouped ? withCommas(digits) : digits;
        const text = `US forces moved ${written} Islamic State detainees from Syria to Iraq on Wednesday.`;
        const [explained, piped] = extractBothWays({ text });
        expect(explained?.figures).toEqual([]);
        expect(piped?.figures).toEqual([]);
        expect(explained?.dropped).toContainEqual(
          expect.objectContaining({ text: written, reason: 'over 10,000,000: not a count of people' }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('drops every count over 10 million with a reason, however it is written', () => {
    const overTenMillion = fc.bigInt({ min: BigInt(MAX_PEOPLE) + 1n, max: 10n ** 30n });
    fc.assert(
      fc.property(overTenMillion, fc.constantFrom('plain', 'commas', 'entities'), (value, form) => {
        const digits = String(value);
        const written =
          form === 'plain'
            ? digits
            : form === 'commas'
              ? withCommas(digits)
              : [...digits].map((digit) => `&#${digit.charCodeAt(0)};`).join('');
        const [explained, piped] = extractBothWays({
          text: `<p>US forces moved ${written} Islamic State detainees from Syria to Iraq.</p>`,
        });
        expect(explained?.figures).toEqual([]);
        expect(piped?.figures).toEqual([]);
        expect(explained?.dropped.map((number) => number.reason)).toContain('over 10,000,000: not a count of people');
      }),
      { numRuns: 200 },
    );
  });

  it('reads every named entity of HTML, with the story around it', () => {
    const text = NAMED_ENTITIES.map((reference) => `<p>US forces moved 150 ${reference} detainees to Iraq.</p>`).join('');
    for (const extraction of extractBothWays({ text })) expectSaneFigures(extraction);
  });
});

describe('the feed parser on hostile documents', () => {
  it('reads a document or refuses it with a FeedParseError, and every item it reads gives sane figures', async () => {
    await fc.assert(
      fc.asyncProperty(anyDocument, async (xml) => {
        const feed = await parseOrRefuse(xml);
        for (const item of feed?.items ?? []) for (const extraction of readItem(item)) expectSaneFigures(extraction);
      }),
      { numRuns: 300 },
    );
  });

  it('reads every named entity of HTML in an item, escaped or as XML carries it, or refuses the feed with a FeedParseError', async () => {
    for (const escaped of [true, false]) {
      const description = NAMED_ENTITIES.map(
        (reference) => `US forces moved 150 ${escaped ? escapeXml(reference) : reference} detainees.`,
      ).join(' ');
      const feed = await parseOrRefuse(
        `<rss version="2.0"><channel><title>t</title><item><description>${description}</description></item></channel></rss>`,
      );
      for (const item of feed?.items ?? []) for (const extraction of readItem(item)) expectSaneFigures(extraction);
    }
  });

  it('reads an item carrying a sentence of 1 MB', async () => {
    const sentence = fc.array(fc.oneof(storyWords, astral, bidiAndZeroWidth, entity), { minLength: 1, maxLength: 30 }).map((pieces) => {
      const unit = `${pieces.filter((piece) => !/[.?\n]/.test(piece)).join(' ')} `;
      return unit.repeat(Math.ceil(1_000_000 / unit.length));
    });
    await fc.assert(
      fc.asyncProperty(sentence, async (text) => {
        const feed = await parseOrRefuse(
          `<rss version="2.0"><channel><title>t</title><item><description>${escapeXml(text)}</description></item></channel></rss>`,
        );
        expect(feed?.items[0]?.summary?.length).toBeGreaterThanOrEqual(1_000_000);
        expectSaneFigures(extractors.pipeline({ text: feed?.items[0]?.summary ?? '' }));
      }),
      { numRuns: 2, endOnFailure: true },
    );
  }, 120_000);

  it('reads an item whose escaped HTML nests 10,000 deep, and the figure inside it', async () => {
    const nested = escapeXml(`${'<div>'.repeat(10_000)}${THE_STORY}${'</div>'.repeat(10_000)}`);
    const feed = await parser.parse(
      `<rss version="2.0"><channel><title>t</title><item><description>${nested}</description></item></channel></rss>`,
    );
    const [item] = feed.items;
    expect(item).toBeDefined();
    for (const extraction of readItem(item!)) expect(extraction.figures.map((figure) => figure.value)).toEqual([150]);
  });
});
