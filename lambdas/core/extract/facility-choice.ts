import { PART_OF_THEM_BEFORE } from './english.js';
import type { NumberMention } from './numbers.js';
import type { SentenceContext } from './sentence-context.js';

/** "2,600 residents are in Roj": a place right after the number's phrase is its place. */
const FACILITY_RIGHT_AFTER = /^[^,;]{0,30}\b(?:in|at|from|inside)\s+(?:the\s+)?$/;
const FACILITY_LIST = /^\s*(?:,|and|or|&)\s*(?:the\s+)?$/;

/**
 * The facility named in the number's clause. With several there, a place right after the
 * number's phrase, else the last one named before the number ("Al-Hol holds 24,000 and Roj
 * about 2,600"), unless facilities are listed together ("al-Hol and Roj together hold 27,000"),
 * which leaves the figure to no single one.
 */
export function facilityInClause(context: SentenceContext, clause: [number, number], mention: NumberMention): string | undefined {
  const inClause = context.facilities.filter(
    (hit) =>
      hit.start >= clause[0] &&
      hit.end <= clause[1] &&
      !PART_OF_THEM_BEFORE.test(context.lower.slice(Math.max(clause[0], hit.start - 40), hit.start)),
  );
  const distinct = new Set(inClause.map((hit) => hit.facility.name));
  if (distinct.size <= 1) return [...distinct][0];
  const rightIndex = inClause.findIndex(
    (hit) => hit.start >= mention.end && FACILITY_RIGHT_AFTER.test(context.lower.slice(mention.end, hit.start)),
  );
  const right = inClause[rightIndex];
  if (right) {
    const next = inClause[rightIndex + 1];
    return next && FACILITY_LIST.test(context.lower.slice(right.end, next.start)) ? undefined : right.facility.name;
  }
  const before = inClause.filter((hit) => hit.end <= mention.start);
  const last = before.at(-1);
  const previous = before.at(-2);
  const listed = previous && last && FACILITY_LIST.test(context.lower.slice(previous.end, last.start));
  return last && !listed ? last.facility.name : undefined;
}

/** The one facility of a kind the sentence names, if it names exactly one. */
export function onlyNamed(context: SentenceContext, kind: 'camp' | 'prison'): string | undefined {
  const named = new Set(context.facilities.filter((hit) => hit.facility.kind === kind).map((hit) => hit.facility.name));
  return named.size === 1 ? [...named][0] : undefined;
}
