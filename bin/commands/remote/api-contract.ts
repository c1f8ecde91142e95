/**
 * What the deployed query API answers, checked on arrival: a stack older or newer than this CLI
 * then fails saying which field differs, instead of printing undefined.
 */
import { z } from 'zod';

const reading = {
  value: z.number(),
  bound: z.enum(['exact', 'at_least', 'at_most', 'approx']),
  quote: z.string(),
  link: z.string(),
  outlet: z.string(),
  published: z.string(),
};

export const seriesListAnswer = z.object({
  series: z.array(z.object({ metric: z.string(), facility: z.string().optional() })),
});

export const seriesAnswer = z.object({
  metric: z.string(),
  facility: z.string().optional(),
  current: z.object(reading),
  sources: z.number(),
  history: z.array(z.object({ ...reading, increment: z.boolean().optional(), as_of: z.string().optional() })),
});

export const feedsAnswer = z.object({
  feeds: z.array(
    z.object({
      url: z.string(),
      lastSuccess: z.string().optional(),
      consecutiveFailures: z.number(),
      lastError: z.string().optional(),
      nextAttempt: z.string().optional(),
    }),
  ),
});

export const runsAnswer = z.object({
  runs: z.array(
    z.object({
      id: z.string(),
      startedAt: z.string(),
      finishedAt: z.string(),
      feeds: z.number(),
      fetched: z.number(),
      unchanged: z.number(),
      waiting: z.number(),
      failed: z.number(),
      items: z.number(),
      figures: z.number(),
      sent: z.number(),
      unsent: z.number(),
      error: z.string().optional(),
    }),
  ),
});
