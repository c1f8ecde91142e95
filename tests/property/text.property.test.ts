import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, toPlainText } from '../../lambdas/core/text/html-to-text.js';
import { splitSentences } from '../../lambdas/core/text/sentences.js';

/** Any UTF-16 code unit, lone surrogates included. */
const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });

const markupSoup = fc.string({
  unit: fc.constantFrom(
    '<',
    '>',
    '/',
    '&',
    '#',
    'x',
    ';',
    '=',
    '"',
    '!--',
    '-->',
    '<![CDATA[',
    ']]>',
    'p',
    'div',
    'br',
    'script',
    'svg',
    'head',
    'body',
    'amp',
    'nbsp',
    '8217',
    ' ',
    '\n',
    '\u00a0',
    '.',
    'A',
    '1',
    '“',
    '😀',
  ),
  maxLength: 200,
});

const proseSoup = fc.string({
  unit: fc.constantFrom(
    '.',
    '!',
    '?',
    ' ',
    '  ',
    '\n',
    '\r',
    '\u2028',
    '\u00a0',
    '\t',
    '”',
    '“',
    '"',
    "'",
    ')',
    'A',
    'a',
    'É',
    'U.S',
    'Mr',
    'No',
    'e.g',
    '1',
    ',',
    ';',
    '😀',
    '\ud800',
    'word',
  ),
  maxLength: 300,
});

/** Run-on text that forces the 2,000-character cap, with few or no separators. */
const runOnText = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', ',', ';', '😀'), minLength: 1500, maxLength: 7000 });

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('never throws on arbitrary input', () => {
  it('htmlToText and toPlainText accept any code units', () => {
    fc.assert(
      fc.property(fc.oneof(anyCodeUnits, markupSoup, fc.string({ unit: 'binary' })), (input) => {
        htmlToText(input);
        toPlainText(input);
      }),
    );
  });

  it('splitSentences accepts any code units', () => {
    fc.assert(
      fc.property(fc.oneof(anyCodeUnits, proseSoup, fc.string({ unit: 'binary' })), (input) => {
        splitSentences(input);
      }),
    );
  });
});

describe('htmlToText output shape', () => {
  it('is blocks of trimmed single-spaced text separated by exactly one blank line', () => {
    fc.assert(
      fc.property(fc.oneof(markupSoup, anyCodeUnits), (input) => {
        const output = htmlToText(input);
        if (output === '') return;
        for (const block of output.split('\n\n')) {
          expect(block).not.toBe('');
          expect(block).toBe(block.trim());
          expect(block).not.toMatch(/[^\S ]| {2}/);
        }
      }),
    );
  });

  it('returns escaped text with its whitespace collapsed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), proseSoup), (text) => {
        expect(htmlToText(`<p>${escapeHtml(text)}</p>`)).toBe(collapseWhitespace(text));
      }),
    );
  });

  it('returns the inner text of deeply nested elements', () => {
    const words = fc.array(fc.stringMatching(/^[A-Za-z0-9,.]{1,8}$/), { minLength: 1, maxLength: 5 });
    const tag = fc.constantFrom('div', 'span', 'p', 'li', 'section', 'b', 'blockquote');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), tag, words, fc.boolean(), (depth, name, inner, closed) => {
        const text = inner.join(' ');
        const html = `<${name}>`.repeat(depth) + text + (closed ? `</${name}>`.repeat(depth) : '');
        expect(htmlToText(html)).toBe(text);
      }),
      { numRuns: 30 },
    );
  });

  it('never outputs the content of an injected script', () => {
    const marker = 'INJECTED';
    const textFragment = fc
      .string()
      .filter((s) => !s.includes(marker))
      .map(escapeHtml);
    const tagFragment = fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<b>', '</b>', '<br>', '<span class="x">', '</span>');
    const fragments = fc.array(fc.oneof(textFragment, tagFragment), { maxLength: 8 }).map((parts) => parts.join(''));
    const scriptBody = fc.string().filter((s) => !/<\/script/i.test(s));
    const openTag = fc.constantFrom('<script>', '<SCRIPT>', '<script type="text/javascript">', '<script\n src="a.js">');
    const closeTag = fc.constantFrom('</script>', '</SCRIPT>', '</script >');
    fc.assert(
      fc.property(fragments, openTag, scriptBody, closeTag, fragments, (before, open, body, close, after) => {
        const html = `${before}${open}${marker}${body}${marker}${close}${after}`;
        expect(htmlToText(html)).not.toContain(marker);
      }),
    );
  });
});

describe('splitSentences offsets', () => {
  function checkSpans(input: string): void {
    let previousEnd = 0;
    for (const sentence of splitSentences(input)) {
      expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
      expect(sentence.end).toBeGreaterThan(sentence.start);
      expect(sentence.end).toBeLessThanOrEqual(input.length);
      expect(sentence.text).toBe(input.slice(sentence.start, sentence.end));
      expect(sentence.text).toBe(sentence.text.trim());
      expect(sentence.text.length).toBeLessThanOrEqual(2000);
      // Whatever lies between sentences is whitespace: no text is lost.
      expect(input.slice(previousEnd, sentence.start).trim()).toBe('');
      previousEnd = sentence.end;
    }
    expect(input.slice(previousEnd).trim()).toBe('');
  }

  it('are ordered, non-overlapping, in bounds, exact and cover all text', () => {
    fc.assert(fc.property(fc.oneof(proseSoup, anyCodeUnits, fc.string({ unit: 'binary' })), checkSpans));
  });

  it('hold for run-on text cut at the length cap', () => {
    fc.assert(fc.property(runOnText, checkSpans), { numRuns: 50 });
  });
});
