/**
 * The bodies the query API answers with, as schemas: each route's reader is typed by its schema,
 * and the OpenAPI document shows them. Answers are not parsed with them at run time: the views
 * already copy each field by name.
 */
import { described } from '../zod.js';
import * as z from '../zod.js';
import type { ChangeType } from '../alert/alert.js';
import type { Bound } from '../extract/figure.js';

/** ISO times as the store keeps them, in UTC. */
const time = z.iso.datetime();
const count = z.int().check(z.minimum(0));

const bound = z.enum(['exact', 'at_least', 'at_most', 'approx'] satisfies Bound[]);
const changeType = z.enum(['new', 'increase', 'decrease', 'revised', 'conflict'] satisfies ChangeType[]);

const provenance = {
  quote: described(z.string(), 'The sentence the figure was read from'),
  link: described(z.string(), 'The story it was read in'),
  outlet: z.string(),
  published: described(time, 'When the story was published, or first seen when its feed gives no date'),
};

export const reportedReadingSchema = z.object({ value: z.number(), bound, ...provenance });

/** A reading an alert moved away from; one recorded before provenance was kept has only what it has. */
export const previousReadingSchema = z.partial(reportedReadingSchema, { quote: true, link: true, outlet: true, published: true });

export const seriesSummarySchema = z.object({
  metric: z.string(),
  facility: z.optional(z.string()),
  current: reportedReadingSchema,
  sources: described(count, 'How many distinct outlets report the current value'),
  outlets: z.array(z.string()),
  lastChange: z.optional(z.object({ type: z.string(), at: time })),
  updatedAt: time,
});

export const historyEntrySchema = z.extend(reportedReadingSchema, {
  increment: described(z.optional(z.literal(true)), 'A batch moved, not a running total'),
  as_of: described(z.optional(z.string()), 'The earlier time the story dates the figure to: history, not news'),
});

export const alertSchema = z.object({
  id: z.string(),
  type: changeType,
  previous: z.nullable(previousReadingSchema),
  current: reportedReadingSchema,
  sources: described(count, 'How many distinct stories report the current value'),
  createdAt: time,
  sentAt: described(z.optional(time), 'Absent until the alert is published'),
});

export const changeSchema = z.extend(alertSchema, { metric: z.string(), facility: z.optional(z.string()) });

export const feedHealthSchema = z.object({
  url: z.string(),
  lastSuccess: z.optional(time),
  consecutiveFailures: count,
  lastError: z.optional(z.string()),
  nextAttempt: described(z.optional(time), 'The feed is not fetched again before this time'),
});

export const runSchema = z.object({
  id: z.string(),
  startedAt: time,
  finishedAt: time,
  feeds: count,
  fetched: count,
  unchanged: count,
  waiting: count,
  failed: count,
  items: count,
  figures: count,
  sent: count,
  unsent: count,
  error: described(z.optional(z.string()), 'Why the run ended early, when it did'),
});

export const seriesListAnswerSchema = z.object({ series: z.array(seriesSummarySchema) });

export const oneSeriesAnswerSchema = z.object({
  metric: z.string(),
  facility: z.optional(z.string()),
  current: reportedReadingSchema,
  sources: count,
  outlets: z.array(z.string()),
  history: described(z.array(historyEntrySchema), 'Every report of the series, in the order published'),
  alerts: described(z.array(alertSchema), 'Every alert the series raised, oldest first'),
});

export const changesAnswerSchema = z.object({
  changes: z.array(changeSchema),
  next: described(z.optional(z.string()), 'Give it back as `cursor` for the changes that follow; absent on the last list'),
});

export const feedsAnswerSchema = z.object({ feeds: z.array(feedHealthSchema) });

export const runsAnswerSchema = z.object({ runs: described(z.array(runSchema), 'Newest first') });

export const errorAnswerSchema = z.object({ error: described(z.string(), 'What was wrong with the request, naming what to fix') });
