/** A trimmed sentence: `text === input.slice(start, end)`. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Longest sentence handed on, so the extractor's per-sentence cost stays bounded on run-on text. */
const MAX_SENTENCE = 2000;

/** Longest word checked against the abbreviation list; longer words are never abbreviations. */
const MAX_ABBREVIATION = 8;

/** As written in news copy. */
const ABBREVIATION_LIST = [
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Gen',
  'Lt',
  'Col',
  'Maj',
  'Capt',
  'Sgt',
  'Adm',
  'Sen',
  'Rep',
  'Gov',
  'Pres',
  'St',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'No',
  'Ep',
  'Vol',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'approx',
  'est',
  'Inc',
  'Ltd',
  'Co',
  'Corp',
];

/** The list plus capitalised forms of its lowercase entries, which open sentences ("Approx. 200 left."). */
const ABBREVIATIONS = new Set([...ABBREVIATION_LIST, ...ABBREVIATION_LIST.map(capitalise)]);

const DOT = 0x2e;
const SEMICOLON = 0x3b;
const COMMA = 0x2c;

/** The only characters that can end a sentence: the scan jumps from one to the next, past the words between. */
const MAY_END_SENTENCE = /[.!?\n\r\u2028\u2029]/g;

/** Uppercase or titlecase letter, or decimal digit, in any script; sticky so it tests one position. */
const SENTENCE_INITIAL = /[\p{Lu}\p{Lt}\p{Nd}]/uy;

/**
 * Splits English news text into sentences in one forward scan. Every line break ends a sentence
 * (feeds put headlines and paragraphs on lines of their own); ". ! ?" end one only when a new
 * sentence visibly starts after them and the full stop does not close an abbreviation or initialism.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  MAY_END_SENTENCE.lastIndex = 0;
  for (let found = MAY_END_SENTENCE.exec(text); found; found = MAY_END_SENTENCE.exec(text)) {
    const i = found.index;
    if (isLineBreak(text.charCodeAt(i))) {
      pushSpan(sentences, text, start, i);
      start = i + 1;
      continue;
    }
    const next = nextSentenceStart(text, i);
    if (next !== -1) {
      pushSpan(sentences, text, start, next);
      start = next;
      MAY_END_SENTENCE.lastIndex = next;
    }
  }
  pushSpan(sentences, text, start, text.length);
  return sentences;
}

/** Where the sentence after the terminator at `i` begins, or -1 when `i` does not end a sentence. */
function nextSentenceStart(text: string, i: number): number {
  let j = i + 1;
  // In "?!" or "..." only the last mark decides.
  if (isTerminator(text.charCodeAt(j))) return -1;
  while (j < text.length && isClosingQuote(text.charCodeAt(j))) j++;
  if (!isSpace(text.charCodeAt(j))) return -1;
  let k = j + 1;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (k === text.length || !opensSentence(text, k)) return -1;
  if (text.charCodeAt(i) === DOT && endsAbbreviation(text, i)) return -1;
  return k;
}

function opensSentence(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 0x80) return isUpperAscii(c) || isDigitAscii(c) || isOpeningQuote(c);
  if (isOpeningQuote(c)) return true;
  SENTENCE_INITIAL.lastIndex = k;
  return SENTENCE_INITIAL.test(text);
}

/** Whether the full stop at `dot` closes "Gen.", "U.S.", "e.g." or a name's initial ("George W."). */
function endsAbbreviation(text: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && dot - from <= MAX_ABBREVIATION && isLetterOrDot(text.charCodeAt(from - 1))) from--;
  if (from === dot || dot - from > MAX_ABBREVIATION) return false;
  const word = text.slice(from, dot);
  return ABBREVIATIONS.has(word) || isInitialism(word);
}

/** "U.S", "a.m", "W": single letters joined by dots (the final dot is the one being tested). */
function isInitialism(word: string): boolean {
  if (word.length === 1) return isUpperAscii(word.charCodeAt(0));
  if (word.length % 2 === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (i % 2 === 0 ? !isLetterAscii(c) : c !== DOT) return false;
  }
  return true;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Pushes the trimmed span, cut into pieces no longer than MAX_SENTENCE. */
function pushSpan(sentences: Sentence[], text: string, from: number, to: number): void {
  let start = skipSpaceForward(text, from, to);
  const end = skipSpaceBackward(text, start, to);
  while (end - start > MAX_SENTENCE) {
    const cut = cutPoint(text, start);
    pushSentence(sentences, text, start, skipSpaceBackward(text, start, cut));
    start = skipSpaceForward(text, cut, end);
  }
  if (end > start) pushSentence(sentences, text, start, end);
}

function pushSentence(sentences: Sentence[], text: string, start: number, end: number): void {
  sentences.push({ text: text.slice(start, end), start, end });
}

/**
 * Where to end an over-long piece starting at `start`: after the last ";" within the limit, else
 * after the last ",", else at the last space, else at the limit itself. The piece is never empty.
 */
function cutPoint(text: string, start: number): number {
  const limit = start + MAX_SENTENCE;
  let afterComma = -1;
  let atSpace = -1;
  for (let p = limit - 1; p > start; p--) {
    const c = text.charCodeAt(p);
    if (c === SEMICOLON) return p + 1;
    if (afterComma === -1 && c === COMMA) afterComma = p + 1;
    else if (atSpace === -1 && isSpace(c)) atSpace = p;
  }
  if (afterComma !== -1) return afterComma;
  if (atSpace !== -1) return atSpace;
  return splitsSurrogatePair(text, limit) ? limit - 1 : limit;
}

function splitsSurrogatePair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function skipSpaceForward(text: string, from: number, to: number): number {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  return from;
}

function skipSpaceBackward(text: string, from: number, to: number): number {
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return to;
}

function isTerminator(c: number): boolean {
  return c === DOT || c === 0x21 || c === 0x3f;
}

/** ” ’ " ' ) */
function isClosingQuote(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0x22 || c === 0x27 || c === 0x29;
}

/** “ ‘ " ' */
function isOpeningQuote(c: number): boolean {
  return c === 0x201c || c === 0x2018 || c === 0x22 || c === 0x27;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** The characters String#trim removes, so sentences are trimmed by the same definition. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isLetterOrDot(c: number): boolean {
  return c === DOT || isLetterAscii(c);
}

function isLetterAscii(c: number): boolean {
  return isUpperAscii(c) || (c >= 0x61 && c <= 0x7a);
}

function isDigitAscii(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isUpperAscii(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}
