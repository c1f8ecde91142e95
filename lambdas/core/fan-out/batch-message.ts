/**
 * The message a scheduler run puts on the queue for each batch of feeds, and the check a worker
 * makes of it before polling: a queue can be written by hand, or by an older scheduler.
 */
import * as z from '../zod.js';

const batchMessageSchema = z
  .strictObject({
    /** The scheduler run that enqueued it. */
    run: z.string().check(z.minLength(1)),
    /** Which batch of the run, from 1, of how many. */
    batch: z.int().check(z.minimum(1)),
    of: z.int().check(z.minimum(1)),
    enqueuedAt: z.iso.datetime(),
    feeds: z
      .array(z.strictObject({ url: z.url({ protocol: /^https?$/ }), outlet: z.optional(z.string().check(z.minLength(1))) }))
      .check(z.minLength(1)),
  })
  .check(z.refine((message) => message.batch <= message.of, 'batch must not be past `of`'));

export type BatchMessage = z.infer<typeof batchMessageSchema>;

export class BatchMessageError extends Error {
  override name = 'BatchMessageError';
}

/** Reads a message body; throws BatchMessageError saying what is wrong with it. */
export function parseBatchMessage(body: string): BatchMessage {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new BatchMessageError(`feed batch message is not JSON: ${(error as Error).message}`);
  }
  const result = batchMessageSchema.safeParse(data);
  if (!result.success) {
    throw new BatchMessageError(`feed batch message is not one the scheduler writes: ${z.describeIssues(result.error)}`);
  }
  return result.data;
}

/** A worker's own run id for its batch: the scheduler's run and the batch, so `status` lists each. */
export function batchRunId(message: Pick<BatchMessage, 'run' | 'batch' | 'of'>): string {
  return `${message.run} ${message.batch}/${message.of}`;
}
