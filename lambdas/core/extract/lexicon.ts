import { escapeRegExp } from '../text/escape-regexp.js';
import type { Facility, MetricKind, MetricRole, Topic } from '../topic/topic.js';

/** A topic compiled once into the matchers the extractor runs on every sentence. */
export interface Lexicon {
  topic: Topic;
  /** One alternation over every metric cue; `cueMetric` maps a match back to its metric. */
  cues: RegExp;
  cueMetric: Map<string, { metric: string; weak: boolean }>;
  facilities: RegExp;
  facilityByAlias: Map<string, Facility>;
  nounClass: Map<string, NounClass>;
  /** Longest multi-word noun, in words, so the noun reader knows how far to look. */
  longestNoun: number;
  peopleContext: RegExp;
  /** Nouns that count countries: with no cue word, the only figure a sentence can hold. */
  countryWords: RegExp;
  /** The topic's metric for each role the rules know, and back. */
  metricOfRole: Partial<Record<MetricRole, string>>;
  roleOf: Map<string, MetricRole>;
  kindOf: Map<string, MetricKind>;
  /** Words naming escapees: a capture verb near them is a recapture. */
  escapeContext: RegExp | undefined;
  /** Both ends of the topic's route named in a sentence. */
  route: { from: RegExp; to: RegExp } | undefined;
}

export type NounClass = 'people' | 'countries' | 'subgroup' | 'excluded';

/** Longest first, so "handed over" wins over "handed" in one alternation. */
function alternation(phrases: Iterable<string>): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => escapeRegExp(phrase).replace(/\\?\s+/g, '\\s+').replace(/'/g, "['’]"))
    .join('|');
}

/** Quotes in texts come typographic or straight; aliases are matched either way. */
function normaliseApostrophes(text: string): string {
  return text.replace(/’/g, "'");
}

export function compileLexicon(topic: Topic): Lexicon {
  const cueMetric = new Map<string, { metric: string; weak: boolean }>();
  for (const metric of topic.metrics) {
    for (const cue of metric.cues) cueMetric.set(cue.toLowerCase(), { metric: metric.id, weak: false });
    for (const cue of metric.nounCues) cueMetric.set(cue.toLowerCase(), { metric: metric.id, weak: true });
  }
  const facilityByAlias = new Map<string, Facility>();
  for (const facility of topic.facilities) {
    for (const alias of facility.aliases) facilityByAlias.set(normaliseApostrophes(alias.toLowerCase()), facility);
  }
  const nounClass = new Map<string, NounClass>();
  const classes: Array<[NounClass, string[]]> = [
    ['people', topic.nouns.people],
    ['countries', topic.nouns.countries],
    ['subgroup', topic.nouns.subgroup],
    ['excluded', topic.nouns.excluded],
  ];
  for (const [kind, words] of classes) {
    for (const word of words) if (!nounClass.has(word.toLowerCase())) nounClass.set(word.toLowerCase(), kind);
  }
  const longestNoun = Math.max(...[...nounClass.keys()].map((noun) => noun.split(/\s+/).length));
  return {
    topic,
    cues: new RegExp(`\\b(?:${alternation(cueMetric.keys())})\\b`, 'g'),
    cueMetric,
    facilities: new RegExp(`(?<![\\w-])(?:${alternation(facilityByAlias.keys())})(?![\\w-])`, 'g'),
    facilityByAlias,
    nounClass,
    longestNoun,
    metricOfRole: Object.fromEntries(topic.metrics.map((metric) => [metric.role, metric.id])),
    roleOf: new Map(topic.metrics.map((metric) => [metric.id, metric.role])),
    kindOf: new Map(topic.metrics.map((metric) => [metric.id, metric.kind])),
    escapeContext: topic.escapeeWords.length > 0 ? new RegExp(`\\b(?:${alternation(topic.escapeeWords)})\\b`) : undefined,
    route: topic.route && {
      from: new RegExp(`\\b(?:${alternation(topic.route.from)})`),
      to: new RegExp(`\\b(?:${alternation(topic.route.to)})`),
    },
    countryWords: new RegExp(`\\b(?:${alternation(topic.nouns.countries)})\\b`),
    peopleContext: new RegExp(
      `\\b(?:${alternation(topic.nouns.people.filter((noun) => noun !== 'others'))}|camps?|prisons?|detention)\\b`,
    ),
  };
}

export function facilityOfMatch(lexicon: Lexicon, matched: string): Facility | undefined {
  return lexicon.facilityByAlias.get(normaliseApostrophes(matched.toLowerCase()).replace(/\s+/g, ' '));
}
