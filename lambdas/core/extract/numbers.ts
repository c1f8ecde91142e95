/**
 * Number mentions in English news text: digits, number words, vague amounts and ranges, with
 * the unit that tells a head count from a sum, a share, a distance or an age.
 *
 * It runs on every sentence of every item, so it makes one forward pass: a global regex finds
 * where a number can start, and small hand-written readers take it from there, looking at most
 * a few words ahead or behind. Nothing is allocated between candidates and no pattern can
 * backtrack over more than a word, so the cost stays linear whatever the text holds.
 */

export interface NumberMention {
  /** Offset of the first character: a currency sign, the number itself or the low end of a range ("between" is left out). */
  start: number;
  /** Offset just past the expression, unit included ("45%", "30 km", "23-year-old"). */
  end: number;
  /** input.slice(start, end) */
  text: string;
  /** The number; for a range the high end; null for a vague amount ("dozens"). */
  value: number | null;
  vague: boolean;
  range?: { low: number; high: number };
  /** The range was introduced by "between", which is not part of start..end. */
  between?: boolean;
  form: 'digits' | 'words' | 'mixed';
  /** 'ordinal' is never produced: ordinals are not reported at all. */
  unit?: 'percent' | 'money' | 'ordinal' | 'distance' | 'duration_hyphen';
  /** A bare 4-digit integer from 1900 to 2100. */
  year?: boolean;
}

type Form = NumberMention['form'];
type Unit = NonNullable<NumberMention['unit']>;

/** A number expression read before range and unit handling. */
interface Amount {
  start: number;
  end: number;
  value: number | null;
  form: Form;
  /** The multiplier a bare low end of a range borrows: 1000 for "8,000" in "7-8,000", 1e6 for "three million". */
  trailing: number;
  /** A plain number with no separator, scale or hundred, which may borrow the high end's multiplier. */
  bare: boolean;
  unit?: Unit;
}

interface Word {
  start: number;
  end: number;
  /** Lower-cased. */
  key: string;
}

/** Part of a spelled-out number below a thousand ("two hundred and fifty"). */
interface Group {
  value: number;
  end: number;
  /** Ends on a bare tens word, so "-first" after it makes an ordinal ("twenty-first"). */
  tens: boolean;
  /** 100 when it ends on "hundred": what "two to three hundred" lends its low end. */
  multiplier: number;
}

const SMALL = new Map(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((word, index) => [word, index] as const),
);
const TENS = new Map(
  'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((word, index) => [word, (index + 2) * 10] as const),
);
/** Scales that close a group of a spelled-out number. */
const LARGE_SCALE = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);
/** Words that multiply the number before them: "7 thousand", "two dozen", "several hundred". */
const MULTIPLIER = new Map([['dozen', 12], ['hundred', 100], ...LARGE_SCALE]);
/** Plural multipliers are vague on their own: "dozens", "hundreds of thousands". */
const PLURAL = new Map([
  ['dozens', 12],
  ['hundreds', 100],
  ['thousands', 1e3],
  ['millions', 1e6],
  ['billions', 1e9],
]);
/** After "twenty-" these make an ordinal ("twenty-first"). */
const ORDINAL_UNIT = new Set('first second third fourth fifth sixth seventh eighth ninth'.split(' '));
/** After a number these make a fraction or an ordinal ("two-thirds", "one hundredth"); "second" is left out: "one second" is time. */
const FRACTION = new Set([
  'half',
  'halves',
  'quarter',
  'quarters',
  ...'third fourth fifth sixth seventh eighth ninth tenth hundredth thousandth millionth billionth'
    .split(' ')
    .flatMap((word) => [word, `${word}s`]),
]);
/** Words that may come before a multiplier and belong to the amount, longest first. */
const AMOUNT_PREFIXES: readonly (readonly string[])[] = [['half', 'a'], ['a', 'few'], ['a'], ['several'], ['some']];
const CURRENCY_CODES = new Set(['usd', 'eur', 'gbp']);
const MONTH_WORDS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

/** Longer words are never part of a number, so they are not sliced. */
const MAX_WORD = 12;

/** Where a number can start. Longest words first, so "seventeen" is not tried as "seven" and backtracked. */
const CANDIDATE = new RegExp(
  `\\d+|\\b(?:${[...SMALL.keys(), ...TENS.keys(), ...MULTIPLIER.keys(), ...PLURAL.keys(), 'scores', 'tens']
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'gi',
);

const SPACE = '[ \\t\\n\\r\\u00A0\\u2009\\u202F]';
const WORD_END = '(?![\\p{L}\\p{N}])';
const sticky = (source: string) => new RegExp(source, 'iuy');

const UNIT_AFTER: readonly (readonly [RegExp, Unit])[] = [
  [sticky(`${SPACE}?%|${SPACE}per${SPACE}?cent${WORD_END}`), 'percent'],
  [sticky(`${SPACE}(?:(?:us${SPACE})?dollars?|euros?|pounds?|usd|eur|gbp)${WORD_END}`), 'money'],
  [sticky(`(?:${SPACE}|-)(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?)${WORD_END}`), 'distance'],
  [sticky(`-(?:day|week|month|year|hour|minute|second|decade|century)s?(?:-(?:old|long))?${WORD_END}`), 'duration_hyphen'],
];
/** Dash between two digit-led ends: "5,000-7,000", "5,000 – 7,000", "$5-$7m". */
const DASH = sticky(`${SPACE}?[-\\u2013]${SPACE}?(?=\\d|[$€£]|us\\$)`);
const TO = sticky(`${SPACE}to${SPACE}`);
const AND = sticky(`${SPACE}and${SPACE}`);
const CURRENCY_SIGN = sticky('us\\$|[$€£]');
const GROUP_SEPARATORS = /[, \u00A0\u202F\u2009]/g;
const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;
const FOUR_DIGITS = /^\d{4}$/;

const isDigit = (code: number) => code >= 48 && code <= 57;
const isAsciiLetter = (code: number) => (code | 0x20) >= 97 && (code | 0x20) <= 122;

function isWordChar(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return isDigit(code) || isAsciiLetter(code);
  return NON_ASCII_WORD_CHAR.test(text.charAt(index));
}

function isSpace(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 9 || code === 10 || code === 13 || code === 0x2009 || code === 0x202f;
}

/** Space-like group separators stand for a comma only in "7 000", not tabs or line breaks. */
function isGroupSeparator(code: number): boolean {
  return code === 44 || code === 32 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

/** Beyond double range the value would be Infinity; the caller was promised a finite number. */
function finite(value: number): number {
  return Number.isFinite(value) ? value : Number.MAX_VALUE;
}

/** Rounds away binary noise so 2.3 billion is 2300000000, not 2299999999.9999995. */
function times(value: number, multiplier: number): number {
  return finite(Number((value * multiplier).toPrecision(15)));
}

function matchAt(pattern: RegExp, text: string, pos: number): number {
  pattern.lastIndex = pos;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

function wordAt(text: string, pos: number): Word | null {
  let end = pos;
  while (end < text.length && end - pos <= MAX_WORD && isAsciiLetter(text.charCodeAt(end))) end += 1;
  if (end === pos || end - pos > MAX_WORD || isWordChar(text, end)) return null;
  return { start: pos, end, key: text.slice(pos, end).toLowerCase() };
}

/** The word after exactly one space: number phrases are written with single spaces. */
function wordAfterSpace(text: string, pos: number): Word | null {
  return isSpace(text.charCodeAt(pos)) ? wordAt(text, pos + 1) : null;
}

function lettersBefore(text: string, end: number): Word | null {
  let start = end;
  while (start > 0 && end - start <= MAX_WORD && isAsciiLetter(text.charCodeAt(start - 1))) start -= 1;
  if (start === end || end - start > MAX_WORD || isWordChar(text, start - 1)) return null;
  return { start, end, key: text.slice(start, end).toLowerCase() };
}

function wordBefore(text: string, pos: number): Word | null {
  return pos > 0 && isSpace(text.charCodeAt(pos - 1)) ? lettersBefore(text, pos - 1) : null;
}

/** Start of `words` written just before `pos` with single spaces, or -1. */
function wordsBefore(text: string, pos: number, words: readonly string[]): number {
  let start = pos;
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const word = wordBefore(text, start);
    if (!word || word.key !== words[index]) return -1;
    start = word.start;
  }
  return start;
}

// ---------------------------------------------------------------------------------------------
// Digits

function digitRun(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && isDigit(text.charCodeAt(end))) end += 1;
  return end;
}

function isDigitGroup(text: string, pos: number): boolean {
  return (
    isDigit(text.charCodeAt(pos)) &&
    isDigit(text.charCodeAt(pos + 1)) &&
    isDigit(text.charCodeAt(pos + 2)) &&
    !isDigit(text.charCodeAt(pos + 3))
  );
}

/** End of the ",000" groups after a lead of one to three digits; one separator throughout, so "1,000 000" is two numbers. */
function groupsEnd(text: string, pos: number): number {
  const separator = text.charCodeAt(pos);
  if (!isGroupSeparator(separator)) return pos;
  let end = pos;
  while (text.charCodeAt(end) === separator && isDigitGroup(text, end + 1)) end += 4;
  return end;
}

type DigitSuffix = { end: number; unit?: Unit; multiplier?: number } | 'ordinal' | 'glued';

/** What is glued to the digits: "45%", "30km", "1.2m", "5k", "3bn", "21st"; any other letter or digit makes a word ("A320", "1990s"). */
function digitSuffix(text: string, pos: number): DigitSuffix | null {
  if (text.charCodeAt(pos) === 37) return { end: pos + 1, unit: 'percent' };
  if (!isWordChar(text, pos)) return null;
  const word = wordAt(text, pos);
  if (!word) return 'glued';
  switch (word.key) {
    case 'k':
      return { end: word.end, multiplier: 1e3 };
    case 'm':
    case 'mn':
      return { end: word.end, multiplier: 1e6 };
    case 'bn':
      return { end: word.end, multiplier: 1e9 };
    case 'km':
      return { end: word.end, unit: 'distance' };
    case 'st':
    case 'nd':
    case 'rd':
    case 'th':
      return 'ordinal';
    default:
      return 'glued';
  }
}

/** Spelled-out multipliers after digits, each larger than the last: "7 thousand", "5 hundred thousand", "2 dozen". */
function multipliersAfter(text: string, pos: number): { end: number; multiplier: number } {
  let end = pos;
  let multiplier = 1;
  for (let word = wordAfterSpace(text, end); word; word = wordAfterSpace(text, end)) {
    const next = MULTIPLIER.get(word.key);
    if (next === undefined || next <= multiplier || (next === 12 && multiplier > 1)) break;
    multiplier *= next;
    end = word.end;
  }
  return { end, multiplier };
}

function digitsAmount(text: string, pos: number): Amount | null {
  if (isWordChar(text, pos - 1)) return null;
  const runEnd = digitRun(text, pos);
  const integerEnd = runEnd - pos <= 3 ? groupsEnd(text, runEnd) : runEnd;
  const hasDecimals = text.charCodeAt(integerEnd) === 46 && isDigit(text.charCodeAt(integerEnd + 1));
  const numberEnd = hasDecimals ? digitRun(text, integerEnd + 1) : integerEnd;
  const suffix = digitSuffix(text, numberEnd);
  if (suffix === 'ordinal' || suffix === 'glued') return null;

  const groups = (integerEnd - runEnd) / 4;
  const digits = text.slice(pos, numberEnd);
  const plain = finite(Number(groups > 0 ? digits.replace(GROUP_SEPARATORS, '') : digits));
  const spelled = suffix ? { end: suffix.end, multiplier: suffix.multiplier ?? 1 } : multipliersAfter(text, numberEnd);
  const amount: Amount = {
    start: pos,
    end: spelled.end,
    value: spelled.multiplier > 1 ? times(plain, spelled.multiplier) : plain,
    form: spelled.multiplier > 1 ? 'mixed' : 'digits',
    trailing: spelled.multiplier > 1 ? spelled.multiplier : 1000 ** groups,
    bare: groups === 0 && spelled.multiplier === 1 && !suffix?.unit,
  };
  if (suffix?.unit) amount.unit = suffix.unit;
  return amount;
}

// ---------------------------------------------------------------------------------------------
// Words

/** A unit joined to a tens word: "twenty-five", "twenty five". */
function unitAfterTens(text: string, pos: number): Word | null {
  const joint = text.charCodeAt(pos);
  if (joint !== 45 && !isSpace(joint)) return null;
  const word = wordAt(text, pos + 1);
  const unit = word ? SMALL.get(word.key) : undefined;
  return unit !== undefined && unit >= 1 && unit <= 9 ? word : null;
}

/** One to ninety-nine. */
function tensGroup(text: string, word: Word): Group | null {
  const small = SMALL.get(word.key);
  if (small !== undefined) return { value: small, end: word.end, tens: false, multiplier: 1 };
  const tens = TENS.get(word.key);
  if (tens === undefined) return null;
  const unit = unitAfterTens(text, word.end);
  if (!unit) return { value: tens, end: word.end, tens: true, multiplier: 1 };
  return { value: tens + SMALL.get(unit.key)!, end: unit.end, tens: false, multiplier: 1 };
}

/** "and fifty" after "two hundred", unless a second "hundred" shows the "and" joins two numbers ("between two hundred and three hundred"). */
function afterHundred(text: string, hundreds: Group): Group {
  let word = wordAfterSpace(text, hundreds.end);
  if (word?.key === 'and') word = wordAfterSpace(text, word.end);
  const rest = word ? tensGroup(text, word) : null;
  if (!rest || wordAfterSpace(text, rest.end)?.key === 'hundred') return hundreds;
  return { value: hundreds.value + rest.value, end: rest.end, tens: rest.tens, multiplier: 1 };
}

/** A number below a thousand; "a" counts as one only before a multiplier ("a hundred", "a million", "a dozen"). */
function group(text: string, word: Word): Group | null {
  const next = wordAfterSpace(text, word.end);
  const head =
    word.key === 'a'
      ? next && MULTIPLIER.has(next.key)
        ? { value: 1, end: word.end, tens: false, multiplier: 1 }
        : null
      : tensGroup(text, word);
  if (!head) return null;
  const hundred = wordAfterSpace(text, head.end);
  if (hundred?.key !== 'hundred' || head.value === 0) return head;
  return afterHundred(text, { value: head.value * 100, end: hundred.end, tens: false, multiplier: 100 });
}

/** The group after a scale word ("one million [and] two hundred thousand"), unless a scale as large follows it: then it starts another number. */
function groupAfterScale(text: string, pos: number, lastScale: number): Group | null {
  let word = wordAfterSpace(text, pos);
  if (word?.key === 'and') word = wordAfterSpace(text, word.end);
  const next = word && word.key !== 'a' ? group(text, word) : null;
  if (!next) return null;
  const scale = LARGE_SCALE.get(wordAfterSpace(text, next.end)?.key ?? '');
  return scale !== undefined && scale >= lastScale ? null : next;
}

/** "two dozen", "a dozen". */
function dozens(text: string, first: Word, head: Group): Amount | null {
  const dozen = wordAfterSpace(text, head.end);
  if (dozen?.key !== 'dozen' || head.multiplier !== 1 || head.value === 0) return null;
  return { start: first.start, end: dozen.end, value: head.value * 12, form: 'words', trailing: 12, bare: false };
}

/** "twenty-first", "two-thirds", "one hundredth": not counts, so not reported. */
function isOrdinalOrFraction(text: string, end: number, endsOnTens: boolean): boolean {
  const code = text.charCodeAt(end);
  if (code !== 45 && !isSpace(code)) return false;
  const word = wordAt(text, end + 1);
  if (!word) return false;
  return FRACTION.has(word.key) || (code === 45 && endsOnTens && ORDINAL_UNIT.has(word.key));
}

function cardinalAmount(text: string, first: Word): Amount | null {
  const head = group(text, first);
  if (!head) return null;
  const dozen = dozens(text, first, head);
  if (dozen) return dozen;
  let total = 0;
  let lastScale = Infinity;
  let end = head.end;
  let trailing = head.multiplier;
  let endsOnTens = head.tens;
  for (let current: Group | null = head; current;) {
    const half = andAHalf(text, current.end);
    const scaleWord = wordAfterSpace(text, half ?? current.end);
    const scale = LARGE_SCALE.get(scaleWord?.key ?? '');
    if (!scaleWord || scale === undefined || scale >= lastScale) {
      total += current.value;
      ({ end, multiplier: trailing, tens: endsOnTens } = current);
      break;
    }
    total += (half === undefined ? current.value : current.value + 0.5) * scale;
    lastScale = scale;
    ({ end } = scaleWord);
    trailing = scale;
    endsOnTens = false;
    current = groupAfterScale(text, end, lastScale);
  }
  if (isOrdinalOrFraction(text, end, endsOnTens)) return null;
  return { start: first.start, end, value: total, form: 'words', trailing, bare: lastScale === Infinity && trailing === 1 };
}

/** Where " and a half" after a group ends, as in "six and a half thousand", if it follows. */
function andAHalf(text: string, pos: number): number | undefined {
  const and = wordAfterSpace(text, pos);
  const article = and?.key === 'and' ? wordAfterSpace(text, and.end) : null;
  const half = article?.key === 'a' ? wordAfterSpace(text, article.end) : null;
  return half?.key === 'half' ? half.end : undefined;
}

/** "half a million", "half a dozen". */
function halfAmount(text: string, first: Word): Amount | null {
  if (first.key !== 'half') return null;
  const article = wordAfterSpace(text, first.end);
  const multiplierWord = article?.key === 'a' ? wordAfterSpace(text, article.end) : null;
  const multiplier = MULTIPLIER.get(multiplierWord?.key ?? '');
  if (!multiplierWord || multiplier === undefined) return null;
  return { start: first.start, end: multiplierWord.end, value: multiplier / 2, form: 'words', trailing: multiplier, bare: false };
}

/** " of thousands" after "tens" or "hundreds": a plural larger than `above`. */
function ofPlural(text: string, pos: number, above: number): { end: number; magnitude: number } | null {
  const of = wordAfterSpace(text, pos);
  const plural = of?.key === 'of' ? wordAfterSpace(text, of.end) : null;
  const magnitude = PLURAL.get(plural?.key ?? '');
  return plural && magnitude !== undefined && magnitude > above ? { end: plural.end, magnitude } : null;
}

/** The multiplier after "several", "a few" or "some" ("several hundred", "some thousands"). */
function multiplierAfter(text: string, pos: number, pluralOnly: boolean): { end: number; magnitude: number } | null {
  const word = wordAfterSpace(text, pos);
  if (!word) return null;
  const magnitude = PLURAL.get(word.key) ?? (pluralOnly ? undefined : MULTIPLIER.get(word.key));
  return magnitude === undefined ? null : { end: word.end, magnitude };
}

function vagueHead(text: string, first: Word): { end: number; magnitude: number } | null {
  const plural = PLURAL.get(first.key);
  if (plural !== undefined) return { end: first.end, magnitude: plural };
  switch (first.key) {
    case 'tens':
      return ofPlural(text, first.end, 100);
    case 'scores':
      // "scores" alone is more often a verb or a tally than an amount.
      return wordAfterSpace(text, first.end)?.key === 'of' ? { end: first.end, magnitude: 20 } : null;
    case 'several':
      return multiplierAfter(text, first.end, false);
    case 'some':
      return multiplierAfter(text, first.end, true);
    case 'a': {
      const few = wordAfterSpace(text, first.end);
      return few?.key === 'few' ? multiplierAfter(text, few.end, false) : null;
    }
    default:
      return null;
  }
}

/** "dozens", "several hundred thousand", "hundreds of thousands", "tens of thousands". */
function vagueAmount(text: string, first: Word): Amount | null {
  const head = vagueHead(text, first);
  if (!head) return null;
  let { end, magnitude } = head;
  for (;;) {
    const word = wordAfterSpace(text, end);
    const scale = LARGE_SCALE.get(word?.key ?? '');
    const larger = word && scale !== undefined && scale > magnitude ? { end: word.end, magnitude: scale } : ofPlural(text, end, magnitude);
    if (!larger) break;
    ({ end, magnitude } = larger);
  }
  return { start: first.start, end, value: null, form: 'words', trailing: 1, bare: false };
}

function wordAmount(text: string, first: Word): Amount | null {
  return vagueAmount(text, first) ?? halfAmount(text, first) ?? cardinalAmount(text, first);
}

/** A multiplier may carry words before it ("a hundred", "half a million", "several thousand"), which the candidate scan does not stop at. */
function prefixedAmount(text: string, word: Word, floor: number): Amount | null {
  if (!MULTIPLIER.has(word.key) && !PLURAL.has(word.key)) return null;
  for (const prefix of AMOUNT_PREFIXES) {
    const start = wordsBefore(text, word.start, prefix);
    const amount = start >= floor ? wordAmount(text, wordAt(text, start)!) : null;
    if (amount && amount.end >= word.end) return amount;
  }
  return null;
}

function wordsAmountAt(text: string, pos: number, floor: number): Amount | null {
  const word = isWordChar(text, pos - 1) ? null : wordAt(text, pos);
  if (!word) return null;
  return prefixedAmount(text, word, floor) ?? wordAmount(text, word);
}

// ---------------------------------------------------------------------------------------------
// Mentions

/** Where "$", "US$", "€", "£" or "USD " before `pos` starts, or -1. */
function moneyPrefixStart(text: string, pos: number): number {
  const code = text.charCodeAt(pos - 1);
  if (code === 36) return lettersBefore(text, pos - 1)?.key === 'us' ? pos - 3 : pos - 1;
  if (code === 0x20ac || code === 0xa3) return pos - 1;
  const word = wordBefore(text, pos);
  return word && CURRENCY_CODES.has(word.key) ? word.start : -1;
}

function connectorEnd(text: string, low: Amount, between: boolean, afterFrom: boolean): number {
  if (isDigit(text.charCodeAt(low.start))) {
    const dash = matchAt(DASH, text, low.end);
    if (dash >= 0) return dash;
  }
  // "rose from 5,000 to 7,000" is a change, not a range.
  if (!afterFrom) {
    const to = matchAt(TO, text, low.end);
    if (to >= 0) return to;
  }
  return between ? matchAt(AND, text, low.end) : -1;
}

function amountAt(text: string, pos: number): Amount | null {
  if (isDigit(text.charCodeAt(pos))) return digitsAmount(text, pos);
  const word = wordAt(text, pos);
  return word ? wordAmount(text, word) : null;
}

/** The high end of a range, which may repeat the currency sign: "$5 million to $7 million". */
function highEnd(text: string, pos: number): Amount | null {
  const sign = matchAt(CURRENCY_SIGN, text, pos);
  const amount = amountAt(text, sign >= 0 ? sign : pos);
  if (amount === null || amount.value === null) return null;
  return sign >= 0 && !amount.unit ? { ...amount, unit: 'money' } : amount;
}

/** The low value of "low to high", with the high end's scale lent to a bare low end ("7-8,000", "two to three million"). */
function lowValue(low: Amount, high: Amount): number | null {
  if (low.value === null || high.value === null) return null;
  const borrowed = times(low.value, high.trailing);
  if (low.bare && low.value < 1000 && high.trailing > 1 && borrowed < high.value) return borrowed;
  return low.value < high.value ? low.value : null;
}

function unitAfter(text: string, pos: number): { unit: Unit; end: number } | null {
  for (const [pattern, unit] of UNIT_AFTER) {
    const end = matchAt(pattern, text, pos);
    if (end >= 0) return { unit, end };
  }
  return null;
}

function isYear(text: string, amount: Amount): boolean {
  if (amount.form !== 'digits' || amount.end - amount.start !== 4) return false;
  const digits = text.slice(amount.start, amount.end);
  return FOUR_DIGITS.test(digits) && Number(digits) >= 1900 && Number(digits) <= 2100;
}

function vagueMention(text: string, amount: Amount): NumberMention {
  const { start, end } = amount;
  return { start, end, text: text.slice(start, end), value: null, vague: true, form: 'words' };
}

function mention(text: string, low: Amount, floor: number): NumberMention {
  if (low.value === null) return vagueMention(text, low);
  const moneyStart = low.unit ? -1 : moneyPrefixStart(text, low.start);
  const start = moneyStart >= floor ? moneyStart : low.start;
  const before = wordBefore(text, start)?.key;
  // "since January 21 to 1,250": a day of the month never opens a range.
  const afterMonth = before !== undefined && MONTH_WORDS.has(before);
  const connector = low.unit || afterMonth ? -1 : connectorEnd(text, low, before === 'between', before === 'from');
  const high = connector >= 0 ? highEnd(text, connector) : null;
  const rangeLow = high ? lowValue(low, high) : null;
  const last = high && rangeLow !== null ? high : low;
  const suffix = last.unit || start < low.start ? null : unitAfter(text, last.end);
  const end = suffix?.end ?? last.end;
  const unit: Unit | undefined = last.unit ?? (start < low.start ? 'money' : suffix?.unit);

  const found: NumberMention = { start, end, text: text.slice(start, end), value: last.value, vague: false, form: low.form };
  if (last !== low) {
    found.range = { low: rangeLow!, high: last.value! };
    found.form = low.form === last.form ? low.form : 'mixed';
    if (before === 'between') found.between = true;
  }
  if (unit) found.unit = unit;
  else if (last === low && isYear(text, low)) found.year = true;
  return found;
}

/**
 * Every number mention in `text`, in order and without overlaps. Ordinals ("3rd", "twenty-first")
 * and fractions ("two-thirds") are skipped; "one" is reported like any other number, and digits
 * glued to letters on either side ("A320", "1990s") are not numbers.
 */
export function findNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  let floor = 0;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    const pos = match.index;
    const amount = isDigit(text.charCodeAt(pos)) ? digitsAmount(text, pos) : wordsAmountAt(text, pos, floor);
    if (!amount) continue;
    const next = mention(text, amount, floor);
    found.push(next);
    floor = next.end;
    CANDIDATE.lastIndex = next.end;
  }
  return found;
}

/**
 * The number a phrase spells out, or null when the whole phrase is not one number:
 * "two hundred and fifty" -> 250, "a dozen" -> 12, "half a million" -> 500000, "1.5 million" -> 1500000.
 */
export function parseNumberWords(words: string): number | null {
  const phrase = words.trim().replace(/\s+/g, ' ');
  const amount = amountAt(phrase, 0);
  return amount && amount.end === phrase.length && !amount.unit ? amount.value : null;
}
