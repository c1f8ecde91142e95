import { escapeRegExp } from '../text/escape-regexp.js';
import { phraseAlternation } from '../text/phrase-alternation.js';
import type { Topic } from '../topic/topic.js';

export interface Relevance {
  relevant: boolean;
  score: number;
  /** The topic terms found, each counted once: what decided the score. */
  terms: string[];
}

export type RelevanceCheck = (text: string) => Relevance;

/**
 * Scores a text on the topic's weighted terms. An item counts only with an anchor term
 * (the group or a named facility), so a story about Iraq and prisons in general never passes.
 */
export function createRelevanceCheck(topic: Topic): RelevanceCheck {
  const { relevance } = topic;
  const terms = [
    ...relevance.terms.map(({ term, weight, caseSensitive }) => ({
      term,
      weight,
      pattern: new RegExp(`(?<![\\w-])${escapeRegExp(term)}`, caseSensitive ? '' : 'i'),
    })),
    ...topic.facilities.map((facility) => ({
      term: facility.name,
      weight: relevance.facilityWeight,
      pattern: new RegExp(`(?<![\\w-])(?:${phraseAlternation(facility.aliases.map((alias) => alias.toLowerCase()))})(?![\\w-])`, 'i'),
    })),
  ];
  const facilityTerms = new Set(topic.facilities.map((facility) => facility.name));
  const anchors = relevance.anchors.map((anchor) =>
    anchor === anchor.toUpperCase()
      ? new RegExp(`(?<![\\w-])${escapeRegExp(anchor)}(?![\\w-])`)
      : new RegExp(`(?<![\\w-])${escapeRegExp(anchor)}(?![\\w])`, 'i'),
  );
  return (text) => {
    const found = terms.filter(({ pattern }) => pattern.test(text));
    const score = found.reduce((sum, { weight }) => sum + weight, 0);
    const anchored = anchors.some((anchor) => anchor.test(text)) || found.some(({ term }) => facilityTerms.has(term));
    return { relevant: anchored && score >= relevance.threshold, score, terms: found.map(({ term }) => term) };
  };
}
