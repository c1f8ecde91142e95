/** The deployed fan-out's workers: the single poller's dependencies (aws-poll.ts), and how old a batch may be. */
import type { PollDependencies, PollEvent } from '../core/poll/poll-cycle.js';
import { composeAwsPoll } from './aws-poll.js';

export interface AwsWorker {
  deps: PollDependencies;
  /** A batch that waited longer than one schedule interval has been queued again since. */
  staleAfterMs: number;
}

export function composeAwsWorker(env: NodeJS.ProcessEnv, onEvent?: (event: PollEvent) => void): AwsWorker {
  const poll = composeAwsPoll(env, onEvent);
  return { deps: poll.deps, staleAfterMs: poll.schedule.everyMinutes * 60_000 };
}
