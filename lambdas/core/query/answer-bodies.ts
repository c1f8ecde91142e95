/**
 * The bodies the query API answers with, as schemas: each route's reader is typed by its schema,
 * and the OpenAPI document shows them. Answers are not parsed with them at run time: the views
 * already copy each field by name.
 */
import { z } from 'zod';
import type { ChangeType } from '../alert/alert.js';
import type { Bound } from '../extract/figure.js';

/** ISO times as the store keeps them, in UTC. */
const time = z.iso.datetime();
const count = z.int().min(0);

const bound = z.enum(['exact', 'at_least', 'at_most', 'approx'] satisfies Bound[]);
const changeType = z.enum(['new', 'increase', 'decrease', 'revised', 'conflict'] satisfies ChangeType[]);

const provenance = {
  quote: z.string().describe('The sentence the figure was read from'),
  link: z.string().describe('The story it was read in'),
  outlet: z.string(),
  published: time.describe('When the story was published, or first seen when its feed gives no date'),
};

export const reportedReadingSchema = z.object({ value: z.number(), bound, ...provenance });

/** A reading an alert moved away from; one recorded before provenance was kept has only what it has. */
export const previousReadingSchema = reportedReadingSchema.partial({ quote: true, link: true, outlet: true, published: true });

export const seriesSummarySchema = z.object({
  metric: z.string(),
  facility: z.string().optional(),
  current: reportedReadingSchema,
  sources: count.describe('How many distinct outlets report the current value'),
  outlets: z.array(z.string()),
  lastChange: z.object({ type: z.string(), at: time }).optional(),
  updatedAt: time,
});

export const historyEntrySchema = reportedReadingSchema.extend({
  increment: z.literal(true).optional().describe('A batch moved, not a running total'),
  as_of: z.string().optional().describe('The earlier time the story dates the figure to: history, not news'),
});

export const alertSchema = z.object({
  id: z.string(),
  type: changeType,
  previous: previousReadingSchema.nullable(),
  current: reportedReadingSchema,
  sources: count.describe('How many distinct stories report the current value'),
  createdAt: time,
  sentAt: time.optional().describe('Absent until the alert is published'),
});

export const changeSchema = alertSchema.extend({ metric: z.string(), facility: z.string().optional() });

export const feedHealthSchema = z.object({
  url: z.string(),
  lastSuccess: time.optional(),
  consecutiveFailures: count,
  lastError: z.string().optional(),
  nextAttempt: time.optional().describe('The feed is not fetched again before this time'),
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
  error: z.string().optional().describe('Why the run ended early, when it did'),
});

export const seriesListAnswerSchema = z.object({ series: z.array(seriesSummarySchema) });

export const oneSeriesAnswerSchema = z.object({
  metric: z.string(),
  facility: z.string().optional(),
  current: reportedReadingSchema,
  sources: count,
  outlets: z.array(z.string()),
  history: z.array(historyEntrySchema).describe('Every report of the series, in the order published'),
  alerts: z.array(alertSchema).describe('Every alert the series raised, oldest first'),
});

export const changesAnswerSchema = z.object({
  changes: z.array(changeSchema),
  next: z.string().optional().describe('Give it back as `cursor` for the changes that follow; absent on the last list'),
});

export const feedsAnswerSchema = z.object({ feeds: z.array(feedHealthSchema) });

export const runsAnswerSchema = z.object({ runs: z.array(runSchema).describe('Newest first') });

export const errorAnswerSchema = z.object({ error: z.string().describe('What was wrong with the request, naming what to fix') });
