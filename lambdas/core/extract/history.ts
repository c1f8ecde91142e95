import { HISTORY, IN_MONTH, SINCE_MONTH, SINCE_YEAR } from './english.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATED = new RegExp(`\\b(?:(${MONTHS.join('|')})\\s+)?((?:19|20)\\d\\d)\\b`, 'g');

/**
 * The earlier time a clause dates its figure to ("at its 2019 peak" -> "2019", "in January 2026" ->
 * "2026-01"), or "earlier" for history without a date; nothing for news. A date not before the
 * publication month is the time of the report, not history.
 */
export function datedTo(clauseText: string, ownAt: number, ownNumber: string, published: string | undefined): string | undefined {
  if (SINCE_YEAR.test(clauseText) || SINCE_MONTH.test(clauseText)) return undefined;
  const history = HISTORY.exec(clauseText);
  if (!history) return published ? monthOfReportYear(clauseText, published) : undefined;
  const reference = published?.slice(0, 7);
  for (const match of clauseText.matchAll(DATED)) {
    if (match[2] === ownNumber || !nextTo(clauseText, ownAt, match.index)) continue;
    const month = match[1] ? MONTHS.indexOf(match[1]) + 1 : 0;
    const date = month ? `${match[2]}-${String(month).padStart(2, '0')}` : match[2]!;
    if (reference && date >= reference.slice(0, date.length)) continue;
    return date;
  }
  return /\d{4}/.test(history[0]) ? undefined : 'earlier';
}

const OTHER_NUMBER = /\d[\d,]*\s/;

/**
 * A date belongs to the number it stands beside: the one just before it ("73,000 in 2019"), or,
 * when the clause opens with it ("In 2019, the camp held 73,000"), the one after it.
 */
function nextTo(clauseText: string, ownAt: number, dateAt: number): boolean {
  if (dateAt > ownAt) return !OTHER_NUMBER.test(clauseText.slice(ownAt, dateAt).replace(/^[\d,.]+/, ''));
  return !OTHER_NUMBER.test(clauseText.slice(0, dateAt)) && !OTHER_NUMBER.test(clauseText.slice(dateAt + 4, ownAt));
}

/** "down from 24,000 in January", published in March: the figure is of January of that year. */
function monthOfReportYear(clauseText: string, published: string): string | undefined {
  const named = IN_MONTH.exec(clauseText);
  const year = Number(published.slice(0, 4));
  const reportMonth = Number(published.slice(5, 7));
  if (!named || !year || !reportMonth) return undefined;
  const month = MONTHS.indexOf(named[1]!) + 1;
  if (month === reportMonth) return undefined;
  const dated = month < reportMonth ? year : year - 1;
  return `${dated}-${String(month).padStart(2, '0')}`;
}
