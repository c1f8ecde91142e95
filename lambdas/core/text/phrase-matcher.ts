/** A word of a text, lower-cased, with its offsets. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

export interface PhraseHit<T> {
  value: T;
  start: number;
  end: number;
}

/**
 * Letters and digits, joined by inner apostrophes, hyphens or dots: "al-hol", "sina'a", "u.s".
 * A possessive "'s" stays apart, so "al-hol's" still names al-Hol.
 */
const TOKEN = /[\p{L}\p{N}]+(?:(?:['’](?!s(?![\p{L}\p{N}]))|[.-])[\p{L}\p{N}]+)*/gu;

/** The words of a lower-cased text; typographic apostrophes read as straight ones. */
export function tokenize(lower: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(lower); match; match = TOKEN.exec(lower)) {
    const word = match[0].includes('’') ? match[0].replace(/’/g, "'") : match[0];
    tokens.push({ word, start: match.index, end: match.index + word.length });
  }
  return tokens;
}

/**
 * Finds known phrases among a text's words. A lookup by first word replaces one regular
 * expression alternating over every phrase, whose cost grows with the vocabulary at every
 * position of every sentence.
 */
export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, Array<{ words: string[]; value: T }>>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [phrase, value] of entries) {
      const words = tokenize(phrase.toLowerCase()).map((token) => token.word);
      const first = words[0];
      if (first === undefined) continue;
      const candidates = this.byFirstWord.get(first) ?? [];
      if (candidates.some((candidate) => candidate.words.join(' ') === words.join(' '))) continue;
      candidates.push({ words, value });
      candidates.sort((a, b) => b.words.length - a.words.length);
      this.byFirstWord.set(first, candidates);
    }
  }

  /**
   * Every phrase found, left to right, the longest starting at each word. Phrases may overlap
   * ("are in" and "in custody again"): which reading wins is the caller's to decide.
   */
  findAll(tokens: Token[]): Array<PhraseHit<T>> {
    const hits: Array<PhraseHit<T>> = [];
    for (let index = 0; index < tokens.length; index += 1) {
      const match = this.longestAt(tokens, index);
      if (match) hits.push({ value: match.value, start: tokens[index]!.start, end: tokens[index + match.length - 1]!.end });
    }
    return hits;
  }

  has(tokens: Token[]): boolean {
    for (let index = 0; index < tokens.length; index += 1) if (this.longestAt(tokens, index)) return true;
    return false;
  }

  // Plain loops: this runs at every word of every sentence read, where a callback per phrase tried costs more than the test.
  private longestAt(tokens: Token[], index: number): { value: T; length: number } | undefined {
    const candidates = this.byFirstWord.get(tokens[index]!.word);
    if (!candidates) return undefined;
    for (const { words, value } of candidates) {
      if (wordsAt(tokens, index, words)) return { value, length: words.length };
    }
    return undefined;
  }
}

function wordsAt(tokens: Token[], index: number, words: string[]): boolean {
  for (let offset = 0; offset < words.length; offset += 1) if (tokens[index + offset]?.word !== words[offset]) return false;
  return true;
}
