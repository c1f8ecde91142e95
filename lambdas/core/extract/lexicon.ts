import { phraseAlternation as alternation } from '../text/phrase-alternation.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import type { Facility, MetricKind, MetricRole, Topic } from '../topic/topic.js';

/** A topic compiled once into the matchers the extractor runs on every sentence. */
export interface Lexicon {
  topic: Topic;
  /** Every metric cue, found by its words; `cueMetric` answers for a single word. */
  cues: PhraseMatcher<CueWord>;
  cueMetric: Map<string, CueWord>;
  facilities: PhraseMatcher<Facility>;
  nounClass: Map<string, NounClass>;
  subgroupModifiers: Set<string>;
  /** One-word facility names ("al-hol"): in a noun phrase they describe the people, "the al-Hol escapees". */
  facilityWords: Set<string>;
  /** First words of the cue phrases ("broke" of "broke out"): a verb, where a noun was looked for. */
  cueFirstWords: Set<string>;
  /** Longest multi-word noun, in words, so the noun reader knows how far to look. */
  longestNoun: number;
  peopleContext: PhraseMatcher<true>;
  /** A cheap first test: only a sentence with a cue word or a count of countries can hold a figure. */
  mayHoldFigure: RegExp;
  /** Nouns that count countries: with no cue word, the only figure a sentence can hold. */
  countryWords: PhraseMatcher<true>;
  /** The topic's metric for each role the rules know, and back. */
  metricOfRole: Partial<Record<MetricRole, string>>;
  roleOf: Map<string, MetricRole>;
  kindOf: Map<string, MetricKind>;
  /** Words naming escapees: a capture verb near them is a recapture. */
  escapeContext: RegExp | undefined;
  /** "before the offensive", "when the SDF withdrew": a figure dated by the story's own events. */
  eventDates: Array<{ pattern: RegExp; date: string }>;
  /** People held in one of these places: "held in Turkish prisons", "Iraq now holds". */
  heldElsewhere: RegExp | undefined;
  /** A move to one of the places elsewhere that is not the route's end: "across the border into Turkey". */
  movedElsewhere: RegExp | undefined;
  /** Both ends of the topic's route named in a sentence. */
  route: { from: RegExp; to: RegExp } | undefined;
}

export type NounClass = 'people' | 'countries' | 'subgroup' | 'excluded';

export interface CueWord {
  metric: string;
  weak: boolean;
}

export function compileLexicon(topic: Topic): Lexicon {
  const cueMetric = new Map<string, CueWord>();
  for (const metric of topic.metrics) {
    for (const cue of metric.cues) cueMetric.set(cue.toLowerCase(), { metric: metric.id, weak: false });
    for (const cue of metric.nounCues) cueMetric.set(cue.toLowerCase(), { metric: metric.id, weak: true });
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
    cues: new PhraseMatcher(cueMetric),
    cueMetric,
    facilities: new PhraseMatcher(topic.facilities.flatMap((facility) => facility.aliases.map((alias) => [alias, facility] as const))),
    nounClass,
    facilityWords: new Set(
      topic.facilities
        .flatMap((facility) => facility.aliases)
        .filter((alias) => !/\s/.test(alias))
        .map((alias) => alias.toLowerCase()),
    ),
    cueFirstWords: new Set([...cueMetric.entries()].filter(([, cue]) => !cue.weak).map(([phrase]) => phrase.split(/\s+/)[0]!)),
    subgroupModifiers: new Set(topic.nouns.subgroupModifiers.map((word) => word.toLowerCase())),
    longestNoun,
    metricOfRole: Object.fromEntries(topic.metrics.map((metric) => [metric.role, metric.id])),
    roleOf: new Map(topic.metrics.map((metric) => [metric.id, metric.role])),
    kindOf: new Map(topic.metrics.map((metric) => [metric.id, metric.kind])),
    escapeContext: topic.escapeeWords.length > 0 ? new RegExp(`\\b(?:${alternation(topic.escapeeWords)})\\b`) : undefined,
    eventDates: topic.events.map(({ date, phrases }) => ({
      date,
      pattern: new RegExp(
        `\\b(?:before|until|prior to|ahead of|at the time of|when|as of|on the eve of)\\s+(?:${alternation(phrases)})\\b`,
      ),
    })),
    heldElsewhere:
      topic.elsewhere.length > 0
        ? new RegExp(
            `\\b(?:in|inside|into)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}(?:${alternation(topic.elsewhere)})\\b|\\b(?:${alternation(topic.elsewhere)})(?:['’]s)?\\s+(?:own\\s+)?(?:prisons?|jails?|custody|facilities|hands)\\b|^(?:${alternation(topic.elsewhere)})\\s+(?:itself\\s+|alone\\s+)?(?:(?:says?|said|reports?) it\\s+)?(?:now\\s+|already\\s+|currently\\s+)?(?:holds|houses|hosts)\\b`,
          )
        : undefined,
    movedElsewhere: ((places) =>
      places.length > 0 ? new RegExp(`\\b(?:to|into)\\s+(?:the\\s+)?(?:${alternation(places)})\\b`) : undefined)(
      topic.elsewhere.filter((place) => !topic.route?.to.some((end) => place.toLowerCase().startsWith(end.toLowerCase()))),
    ),
    route: topic.route && {
      from: new RegExp(`\\b(?:${alternation(topic.route.from)})`),
      to: new RegExp(`\\b(?:${alternation(topic.route.to)})`),
    },
    mayHoldFigure: new RegExp(`\\b(?:${alternation([...cueMetric.keys(), ...topic.nouns.countries])})\\b`),
    countryWords: new PhraseMatcher(topic.nouns.countries.map((noun) => [noun, true] as const)),
    peopleContext: new PhraseMatcher(
      [...topic.nouns.people.filter((noun) => noun !== 'others'), 'camp', 'camps', 'prison', 'prisons', 'detention'].map(
        (noun) => [noun, true] as const,
      ),
    ),
  };
}
