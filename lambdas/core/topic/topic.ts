import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);

export const METRIC_KINDS = ['cumulative', 'target', 'stock'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const topicSchema = z.object({
  id: nonEmpty,
  name: nonEmpty,
  relevance: z.object({
    threshold: z.number().positive(),
    anchors: z.array(nonEmpty).min(1),
    terms: z
      .array(
        z.object({
          term: nonEmpty,
          weight: z.number().positive(),
          caseSensitive: z.boolean().optional(),
        }),
      )
      .min(1),
  }),
  facilities: z.array(
    z.object({
      name: nonEmpty,
      kind: z.enum(['camp', 'prison']),
      aliases: z.array(nonEmpty).min(1),
    }),
  ),
  nouns: z.object({
    people: z.array(nonEmpty).min(1),
    countries: z.array(nonEmpty),
    subgroup: z.array(nonEmpty),
    excluded: z.array(nonEmpty),
  }),
  metrics: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z_]*$/, 'metric ids are snake_case'),
        kind: z.enum(METRIC_KINDS),
        label: nonEmpty,
        /** Words of action: "moved", "escaped". */
        cues: z.array(nonEmpty),
        /** Words that name the people or the state ("escapees", "residents"): read only when no action is found. */
        nounCues: z.array(nonEmpty).default([]),
      }),
    )
    .min(1),
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
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new TopicError(`invalid topic in ${source}: ${problems}`);
  }
  return result.data;
}
