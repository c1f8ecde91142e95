/**
 * What the deployed query API answers about series, checked on arrival: a stack older or newer
 * than this CLI then fails saying which field differs, instead of printing undefined. Only the
 * fields `query` prints are required, so a stack that adds fields still answers it; feeds and runs
 * are checked with the API's own schemas (lambdas/core/query/answer-bodies.ts).
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
