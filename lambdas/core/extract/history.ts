import {
  HISTORY,
  IN_MONTH,
  LAST_MONTH,
  LAST_WEEK,
  SINCE_MONTH,
  SINCE_YEAR,
  START_OF_NAMED_YEAR,
  START_OF_YEAR,
  WEEK_EARLIER,
} from './english.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATED = new RegExp(`\\b(?:(${MONTHS.join('|')})\\s+)?((?:19|20)\\d\\d)\\b`, 'g');
const OTHER_NUMBER = /\d[\d,]*\s/;
/** Few enough words before a date that it opens the clause: "At its peak in 2019, ...". */
const OPENS_CLAUSE = /^\W*(?:\S+\s+){0,5}\S*$/;

export interface DatingInput {
  clauseText: string;
  /** Where the number stands in the clause, and how it is written. */
  ownAt: number;
  ownNumber: string;
  /** YYYY-MM-DD or longer; dates before the report's month are history. */
  published: string | undefined;
  eventDates: Array<{ pattern: RegExp; date: string }>;
}

function yearMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * A date belongs to the number it stands beside: the one just before it ("73,000 in 2019"), or,
 * when the date opens the clause ("In 2019, the camp held 73,000"), the one after it.
 */
function nextTo(clauseText: string, ownAt: number, dateAt: number, dateLength: number): boolean {
  if (dateAt > ownAt) return !OTHER_NUMBER.test(clauseText.slice(ownAt, dateAt).replace(/^[\d,.]+/, ''));
  return OPENS_CLAUSE.test(clauseText.slice(0, dateAt)) && !OTHER_NUMBER.test(clauseText.slice(dateAt + dateLength, ownAt));
}

function isBeforeReport(date: string, published: string | undefined): boolean {
  return !published || date < published.slice(0, date.length);
}

/** A year, or a month and year, written beside the number. */
function writtenDate({ clauseText, ownAt, ownNumber, published }: DatingInput): string | undefined {
  for (const match of clauseText.matchAll(DATED)) {
    if (match[2] === ownNumber || !nextTo(clauseText, ownAt, match.index, match[0].length)) continue;
    const month = match[1] ? MONTHS.indexOf(match[1]) + 1 : 0;
    const date = month ? yearMonth(Number(match[2]), month) : match[2]!;
    if (isBeforeReport(date, published)) return date;
  }
  return undefined;
}

/** A month without a year, "last month", "a week earlier", "at the start of the year": read against the report's date. */
/** Where a pattern stands beside the number, if it does. */
function besideNumber(pattern: RegExp, clauseText: string, ownAt: number): RegExpExecArray | undefined {
  const global = new RegExp(pattern.source, 'g');
  for (const match of clauseText.matchAll(global)) {
    if (nextTo(clauseText, ownAt, match.index, match[0].length)) return match;
  }
  return undefined;
}

const PAST_TENSE = /\b(?:was|were|had|held|housed|counted|stood|numbered|totalled|totaled)\b/;
const DEADLINE = /^(?:by|until|before)\b/;

/** A month without a year, "last month", "a week earlier", "at the start of the year": read against the report's date. */
function relativeDate({ clauseText, ownAt, published }: DatingInput): string | undefined {
  const year = Number(published?.slice(0, 4));
  const reportMonth = Number(published?.slice(5, 7));
  if (!year || !reportMonth) return undefined;
  const named = besideNumber(IN_MONTH, clauseText, ownAt);
  if (named) {
    const month = MONTHS.indexOf(named[1]!) + 1;
    // "by the end of March" in a February report is a deadline; "in December" in a January one is the year before.
    if (month < reportMonth && !DEADLINE.test(named[0])) return yearMonth(year, month);
    if (month > reportMonth && !DEADLINE.test(named[0]) && PAST_TENSE.test(clauseText)) return yearMonth(year - 1, month);
    return undefined;
  }
  if (besideNumber(LAST_MONTH, clauseText, ownAt)) return reportMonth === 1 ? yearMonth(year - 1, 12) : yearMonth(year, reportMonth - 1);
  if (besideNumber(WEEK_EARLIER, clauseText, ownAt) || besideNumber(LAST_WEEK, clauseText, ownAt)) {
    const weekBefore = new Date(Date.UTC(year, reportMonth - 1, Number(published!.slice(8, 10)) || 1) - 7 * 86_400_000);
    const date = yearMonth(weekBefore.getUTCFullYear(), weekBefore.getUTCMonth() + 1);
    return isBeforeReport(date, published) ? date : undefined;
  }
  if (besideNumber(START_OF_YEAR, clauseText, ownAt) && reportMonth > 1) return yearMonth(year, 1);
  return undefined;
}

/**
 * The earlier time a clause dates its figure to ("at its 2019 peak" -> "2019", "before the
 * offensive" -> the offensive's month, "down from 24,000 in January" -> that January), or
 * "earlier" for history with no date; nothing for news. A figure counted "since" a date runs up
 * to now, and a date not before the report's month is the report's own time.
 */
export function datedTo(input: DatingInput): string | undefined {
  const { clauseText, ownAt, published, eventDates } = input;
  if (SINCE_YEAR.test(clauseText) || SINCE_MONTH.test(clauseText)) return undefined;
  const event = eventDates.find(({ pattern }) => pattern.test(clauseText));
  if (event && isBeforeReport(event.date, published)) return event.date;
  const namedYear = START_OF_NAMED_YEAR.exec(clauseText);
  if (namedYear && isBeforeReport(`${namedYear[1]}-01`, published)) return `${namedYear[1]}-01`;
  const history = HISTORY.exec(clauseText);
  if (history) {
    const written = writtenDate(input);
    if (written) return written;
    if (!/\d{4}/.test(history[0]) && history.index < ownAt) return 'earlier';
  }
  return relativeDate(input);
}
