import * as z from '../zod.js';

const nonEmpty = z.string().check(z.trim(), z.minLength(1));
const names = z.array(nonEmpty);
const someNames = names.check(z.minLength(1));
const positive = z.number().check(z.positive());

export const METRIC_KINDS = ['cumulative', 'target', 'stock'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/**
 * What a metric counts, in the terms the reading rules know: people moved, a plan to move them,
 * people held, a camp's population, escapes, recaptures, returns home, countries of origin.
 * Rules speak of roles, so a second topic maps its own metric ids onto them.
 */
export const METRIC_ROLES = ['moved', 'planned', 'held', 'population', 'escaped', 'recaptured', 'returned', 'origins'] as const;
export type MetricRole = (typeof METRIC_ROLES)[number];

export const topicSchema = z.object({
  id: nonEmpty,
  name: nonEmpty,
  relevance: z.object({
    threshold: positive,
    /** A named facility anchors an item and adds this much: every alias counts, al-Hawl as al-Hol. */
    facilityWeight: z._default(positive, 2),
    anchors: someNames,
    terms: z
      .array(
        z.object({
          term: nonEmpty,
          weight: positive,
          caseSensitive: z.optional(z.boolean()),
        }),
      )
      .check(z.minLength(1)),
  }),
  facilities: z.array(
    z.object({
      name: nonEmpty,
      kind: z.enum(['camp', 'prison']),
      aliases: someNames,
    }),
  ),
  /** Where people are moved from and to: a return home along this route is a move. */
  route: z.optional(z.object({ from: names, to: names })),
  /** Places whose prisons are not the topic's: people held there are no stock of the topic's. */
  elsewhere: z._default(names, []),
  /** The story's turning points and their dates: "before the offensive" dates a figure to it. */
  events: z._default(
    z.array(z.object({ date: z.string().check(z.regex(/^\d{4}(?:-\d{2})?$/, 'a date is YYYY or YYYY-MM')), phrases: someNames })),
    [],
  ),
  /** Words naming people who escaped: a capture near them is a recapture, not an arrest. */
  escapeeWords: z._default(names, []),
  nouns: z.object({
    people: someNames,
    countries: names,
    subgroup: names,
    excluded: names,
    /** Words that make a count of people a part: "60 British-linked adults", "French nationals". */
    subgroupModifiers: z._default(names, []),
  }),
  metrics: z
    .array(
      z.object({
        id: z.string().check(z.regex(/^[a-z][a-z_]*$/, 'metric ids are snake_case')),
        role: z.enum(METRIC_ROLES),
        kind: z.enum(METRIC_KINDS),
        label: nonEmpty,
        /** Words of action: "moved", "escaped". */
        cues: names,
        /** Words that name the people or the state ("escapees", "residents"): read only when no action is found. */
        nounCues: z._default(names, []),
      }),
    )
    .check(
      z.minLength(1),
      z.refine(
        (metrics) => new Set(metrics.map((metric) => metric.role)).size === metrics.length,
        'each role belongs to one metric at most',
      ),
    ),
});

/** A story to follow, as data: what its figures are called and how texts talk about them. */
export type Topic = z.infer<typeof topicSchema>;
export type MetricDefinition = Topic['metrics'][number];
export type Facility = Topic['facilities'][number];

export class TopicError extends Error {
  override name = 'TopicError';
}

/** Checks a parsed topic file; `source` names it in the error so a bad file is easy to find. */
export function parseTopic(data: unknown, source: string): Topic {
  const result = topicSchema.safeParse(data);
  if (!result.success) {
    const problems = z.describeIssues(result.error);
    throw new TopicError(`invalid topic in ${source}: ${problems}`);
  }
  return result.data;
}
