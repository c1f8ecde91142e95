import type { Lexicon, NounClass } from './lexicon.js';

/** What a number counts, read from the words after it. */
export interface CountedNoun {
  /** `implicit` when no noun follows ("a total of 5,700."); `other` for a noun of no known class. */
  kind: NounClass | 'implicit' | 'other';
  word: string;
  /** Offset (in the sentence) just past the noun phrase. */
  end: number;
}

/** Words that describe the counted people without being what they are: "150 IS detainees". */
const MODIFIER = new Set([
  'is',
  'isis',
  'isil',
  'daesh',
  'islamic',
  'state',
  'suspected',
  'alleged',
  'accused',
  'foreign',
  'other',
  'earlier',
  'later',
  'previous',
  'separate',
  'camp',
  'prison',
  'jail',
  'additional',
  'hardened',
  'senior',
  'male',
  'female',
  'adult',
  'former',
  'remaining',
  'dangerous',
  'top',
  'known',
  'individual',
  'captured',
  'jailed',
  'imprisoned',
  'detained',
  'convicted',
  'iraqi',
  'syrian',
  'european',
  'western',
  'extremist',
  'jihadi',
  'jihadist',
  'militant',
  'terrorist',
  'terror',
  'high-risk',
  'high-value',
  'hardcore',
  'battle-hardened',
  'armed',
  'affiliated',
  'linked',
  'of',
  'the',
  'its',
  'their',
  'those',
  'these',
  'such',
  'so-called',
  'different',
  'distinct',
  'separate',
  'further',
  'new',
  'non-syrian',
  'non-iraqi',
  'holdout',
  'incarcerated',
  'escaped',
  'fleeing',
  'freed',
  'transferred',
  'relocated',
  'moved',
  'wanted',
  'sdf-held',
  'roughly',
  'about',
  'around',
  'nearly',
  'some',
  'approximately',
  'almost',
  'estimated',
  'an',
  'kurdish-held',
  'us-backed',
  'u.s.-backed',
  'odd',
]);

const WORD = /[A-Za-z][\w'’.-]*|\d[\d,.]*|[^\sA-Za-z\d]/g;
const PEOPLE_SUFFIX = /(?:ees|ists|ants|ites)$/;
/** Number words after a number begin another phrase: "up from 2,650 two weeks ago". */
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)$/;
const MAX_WORDS = 8;
const CLOSING_QUOTE = /^['’"”]$/;
const DETERMINER = new Set(['the', 'its', 'their', 'those', 'these', 'his', 'her', 'this', 'that']);
/** "81 of them": the pronoun ends the noun phrase. */
const PARTITIVE_PRONOUN = new Set(['them', 'whom', 'those', 'these']);
/** "IS" is the group, not the verb: case tells them apart. */
const ACRONYM = /^[A-Z]{2,6}$/;

interface Word {
  text: string;
  lower: string;
  end: number;
  possessive?: boolean;
}

function wordsAfter(sentence: string, from: number): Word[] {
  const pattern = WORD;
  pattern.lastIndex = from;
  const words: Word[] = [];
  for (let match = pattern.exec(sentence); match && words.length < MAX_WORDS; match = pattern.exec(sentence)) {
    // Most words hold no full stop or curly apostrophe: testing for them is cheaper than a replace per word.
    const text = match[0].endsWith('.') ? match[0].slice(0, -1) : match[0];
    const lowered = text.toLowerCase();
    const lower = lowered.includes('’') ? lowered.replace(/’/g, "'") : lowered;
    // A closing quote ("'70 nations'") is no part of the word; a possessive ("fighters' lives") is read on.
    words.push({
      text,
      lower: lower.endsWith("s'") ? lower.slice(0, -1) : lower,
      end: match.index + text.length,
      possessive: lower.endsWith("s'"),
    });
  }
  return words;
}

function lexiconNounAt(words: Word[], index: number, lexicon: Lexicon): CountedNoun | undefined {
  const phrases: string[] = [];
  let phrase = '';
  for (let last = index; last < Math.min(words.length, index + lexicon.longestNoun); last += 1) {
    phrase = last === index ? words[last]!.lower : `${phrase} ${words[last]!.lower}`;
    phrases.push(phrase);
  }
  for (let size = phrases.length; size >= 1; size -= 1) {
    const kind = lexicon.nounClass.get(phrases[size - 1]!);
    if (kind) return { kind, word: phrases[size - 1]!, end: words[index + size - 1]!.end };
  }
  return undefined;
}

/** A proper name describes the people ("150 Iraqi fighters"), except in a title-case headline, where every word is capitalised. */
function isModifier(word: Word, titleCase: () => boolean): boolean {
  return (
    MODIFIER.has(word.lower) || /-(?:linked|affiliated|held|backed|aligned)$/.test(word.lower) || (/^[A-Z]/.test(word.text) && !titleCase())
  );
}

const LONG_WORD = /\b[A-Za-z][a-z]{3,}\b/g;

function isTitleCase(sentence: string): boolean {
  const words = sentence.match(LONG_WORD) ?? [];
  return words.length >= 4 && words.filter((word) => /^[A-Z]/.test(word)).length / words.length >= 0.7;
}

/** Most nouns are read without asking whether the sentence is a headline, so the sentence is scanned only when a capitalised word asks. */
function titleCaseOnDemand(sentence: string): () => boolean {
  let titleCase: boolean | undefined;
  return () => (titleCase ??= isTitleCase(sentence));
}

/**
 * Reads the noun a number counts, skipping what describes it ("150 suspected IS fighters").
 * A function word or verb right after the number means the noun is left implicit
 * ("a total of 5,700 were moved"); an unknown noun is "other" unless it reads as people.
 */
export function readCountedNoun(sentence: string, at: number, lexicon: Lexicon): CountedNoun {
  const from = at + (BOUND_SUFFIX.exec(sentence.slice(at, at + 6))?.[0].length ?? 0);
  const implicit: CountedNoun = { kind: 'implicit', word: '', end: from };
  const words = wordsAfter(sentence, from);
  // "bringing to 950 the number (of people) recaptured": what is counted follows "the number".
  const numberAt = words.findIndex((word, index) => word.lower === 'number' && index <= 1);
  if (numberAt >= 0) words.splice(0, numberAt + (words[numberAt + 1]?.lower === 'of' ? 2 : 1));
  if (words[0]?.lower === 'or' && BOUND_TAIL.has(words[1]?.lower ?? '')) words.splice(0, 2);
  if (words[0]?.lower === 'plus' || words[0]?.lower === '-plus' || words[0]?.lower === 'odd') words.splice(0, 1);
  const titleCase = titleCaseOnDemand(sentence);
  let part: string | undefined;
  for (const [index, word] of words.entries()) {
    // "'as many as 7,000' detainees": a quote closed right after the number leaves its noun outside.
    if (index === 0 && CLOSING_QUOTE.test(word.text)) {
      const next = words[1];
      if (next && (lexiconNounAt(words, 1, lexicon) || isModifier(next, titleCase))) continue;
      return implicit;
    }
    // "three more flights", "150 more detainees": the noun after "more" is what is counted.
    if (index === 0 && word.lower === 'more' && words[1] && lexiconNounAt(words, 1, lexicon)) continue;
    // "the maximum of 7,000 the military says it may move": a determiner right after the number opens another phrase.
    if (index === 0 && DETERMINER.has(word.lower)) return implicit;
    if (word.possessive && index + 1 < words.length && lexiconNounAt(words, index + 1, lexicon)) continue;
    const known = lexiconNounAt(words, index, lexicon);
    if (known) return part && known.kind === 'people' ? { kind: 'subgroup', word: `${part} ${known.word}`, end: known.end } : known;
    // "2 of 3 bakeries", "4 of the 44 countries": the second number's noun is what both count.
    if (/^\d/.test(word.text) && (words[index - 1]?.lower === 'of' || words[index - 1]?.lower === 'the')) continue;
    if (!/^[a-z]/i.test(word.text)) return implicit;
    if (NUMBER_WORD.test(word.lower)) return implicit;
    if (PARTITIVE_PRONOUN.has(word.lower) && words[index - 1]?.lower === 'of') return { kind: 'implicit', word: '', end: word.end };
    if (ACRONYM.test(word.text)) continue;
    // "50 Arab and foreign countries": a list of modifiers still leads to the noun.
    if ((word.lower === 'and' || word.lower === 'or') && index > 0 && words[index + 1] && isModifier(words[index + 1]!, titleCase))
      continue;
    if (FUNCTION_WORD.has(word.lower) || IRREGULAR_PARTICIPLE.has(word.lower)) return implicit;
    if (lexicon.facilityWords.has(word.lower)) continue;
    if (lexicon.subgroupModifiers.has(word.lower) || lexicon.subgroupModifiers.has(word.lower.split('-')[0]!)) {
      part = word.lower;
      continue;
    }
    if (isModifier(word, titleCase)) continue;
    // "1,500 broke out": a cue's verb where the noun was looked for; "34 transfer flights": a noun after it makes it a modifier.
    if (lexicon.cueFirstWords.has(word.lower)) {
      if (index + 1 < words.length && lexiconNounAt(words, index + 1, lexicon)) continue;
      return implicit;
    }
    if (lexicon.cueMetric.get(word.lower)?.weak) {
      // "34 airlift sorties": a noun after the cue word is what is counted.
      if (index + 1 < words.length && lexiconNounAt(words, index + 1, lexicon)) continue;
      return { kind: 'implicit', word: word.lower, end: word.end };
    }
    if (PEOPLE_SUFFIX.test(word.lower) && !/(?:ed|ing)$/.test(word.lower)) return { kind: 'people', word: word.lower, end: word.end };
    if (!/(?:ed|ing)$/.test(word.lower)) return { kind: 'other', word: word.lower, end: word.end };
    // "40 unaccompanied minors": a participle before a known noun describes it.
    if (index + 1 < words.length && lexiconNounAt(words, index + 1, lexicon)) continue;
    return implicit;
  }
  return implicit;
}

/** "20-plus facilities", "300-odd men": the bound sits between the number and its noun. */
const BOUND_SUFFIX = /^(?:-|\s)(?:plus|odd)\b/i;

/** Participles without "-ed": "the 150 flown out on Wednesday". */
const IRREGULAR_PARTICIPLE = new Set([
  'flown',
  'taken',
  'sent',
  'held',
  'brought',
  'kept',
  'driven',
  'given',
  'caught',
  'freed',
  'seen',
  'known',
]);

/** "40 or so countries": the bound's tail sits between the number and its noun. */
const BOUND_TAIL = new Set(['so', 'more', 'fewer', 'less', 'thereabouts']);

const FUNCTION_WORD = new Set([
  'when',
  'once',
  'if',
  'it',
  'they',
  'because',
  'shortly',
  'hardly',
  'given',
  'includes',
  'got',
  'whose',
  'unless',
  'although',
  'though',
  'whereas',
  'mark',
  'milestone',
  'threshold',
  'figure',
  'level',
  'total',
  'tally',
  'today',
  'now',
  'yesterday',
  'tonight',
  'currently',
  'ago',
  'then',
  'this',
  'last',
  'next',
  'were',
  'was',
  'are',
  'is',
  'be',
  'been',
  'being',
  'have',
  'has',
  'had',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'can',
  'who',
  'that',
  'which',
  'from',
  'to',
  'in',
  'at',
  'on',
  'by',
  'for',
  'with',
  'into',
  'and',
  'or',
  'but',
  'as',
  'still',
  'so',
  'since',
  'after',
  'before',
  'while',
  'out',
  'across',
  'under',
  'over',
  'inside',
  'there',
  'alone',
  'held',
  'remain',
  'remained',
  'remains',
  'said',
  'says',
  'according',
  'altogether',
  'overall',
  'already',
  'reportedly',
  'allegedly',
  'also',
  'initially',
  'eventually',
  'ultimately',
  'between',
  'among',
  'amongst',
  'including',
  'within',
  'during',
  'until',
  'till',
  'them',
  'whom',
  'those',
  'a',
  'an',
  'per',
  'each',
  'apiece',
  'more',
  'fewer',
  'less',
]);
