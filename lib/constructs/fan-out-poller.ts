/**
 * Polling past one Lambda: on each tick a scheduler puts the feeds on a queue in batches by
 * host, and workers poll the batches, at most `fanOut.maxWorkers` at once. A batch that fails
 * three times is kept in a dead-letter queue; one that waits past a tick is skipped by the worker.
 */
import { Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Config } from '../../lambdas/core/config/config.js';
import { batchFeedsByHost } from '../../lambdas/core/fan-out/feed-batches.js';
import { pollerSize } from '../poller-sizing.js';
import { BundledFunction } from './bundled-function.js';
import { failureQueue } from './failure-queue.js';
import { BUNDLED_CONFIG_FILE, configBundlingHooks } from './function-config.js';
import { grantPolling, pollingEnvironment, type PollingResources } from './polling-function.js';
import { runOnSchedule } from './scheduled-runs.js';

export interface FanOutPollerProps extends PollingResources {
  config: Config;
}

/** Lambda's advice for a queue it polls: hide a message six times the function's timeout. */
const VISIBILITY_PER_TIMEOUT = 6;
/** Receives of a batch before it is kept in the dead-letter queue. */
export const BATCH_RECEIVES = 3;
const SCHEDULER_TIMEOUT = Duration.seconds(60);

export class FanOutPoller extends Construct {
  readonly scheduler: BundledFunction;
  readonly worker: BundledFunction;
  readonly batches: Queue;
  /** The scheduler's failed runs. */
  readonly failures: Queue;
  /** Batches that failed every receive. */
  readonly deadBatches: Queue;
  readonly workerTimeout: Duration;
  readonly schedulerTimeout = SCHEDULER_TIMEOUT;

  constructor(scope: Construct, id: string, props: FanOutPollerProps) {
    super(scope, id);
    const { config } = props;
    // The feeds are known at synth: the worker is sized for the largest batch the scheduler will make.
    const batches = batchFeedsByHost(config.feeds, config.fanOut.feedsPerMessage);
    const largest = batches.reduce((most, batch) => (batch.length > most.length ? batch : most), batches[0] ?? []);
    const size = pollerSize({ ...config, feeds: largest });
    this.workerTimeout = Duration.seconds(size.timeoutSeconds);
    const hooks = configBundlingHooks(config);

    this.failures = failureQueue(this, 'Failures', 'the scheduler’s failed runs');
    this.deadBatches = failureQueue(this, 'DeadBatches', `feed batches that failed ${BATCH_RECEIVES} times`);
    this.batches = new Queue(this, 'Batches', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(size.timeoutSeconds * VISIBILITY_PER_TIMEOUT),
      retentionPeriod: Duration.days(1),
      deadLetterQueue: { queue: this.deadBatches, maxReceiveCount: BATCH_RECEIVES },
    });

    this.scheduler = new BundledFunction(this, 'Scheduler', {
      entry: 'lambdas/scheduler/handler.ts',
      description: `transfer-watch scheduler: ${config.feeds.length} feeds in ${batches.length} batches by host`.slice(0, 256),
      memorySize: 256,
      timeout: SCHEDULER_TIMEOUT,
      environment: {
        FEED_QUEUE_URL: this.batches.queueUrl,
        TRANSFER_WATCH_CONFIG_FILE: BUNDLED_CONFIG_FILE,
        POWERTOOLS_SERVICE_NAME: 'transfer-watch-scheduler',
      },
      commandHooks: hooks,
    });
    // SendMessageBatch is authorised as SendMessage.
    this.scheduler.role.addToPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.batches.queueArn] }));
    runOnSchedule(this, this.scheduler.function, {
      everyMinutes: config.schedule.everyMinutes,
      failures: this.failures,
      what: 'scheduler',
    });

    this.worker = new BundledFunction(this, 'Worker', {
      entry: 'lambdas/worker/handler.ts',
      description: `transfer-watch worker: ${size.reason}`.slice(0, 256),
      memorySize: size.memoryMb,
      timeout: this.workerTimeout,
      environment: pollingEnvironment(props),
      commandHooks: hooks,
    });
    grantPolling(this.worker.role, props);
    // One batch per invocation: a batch is the unit of retry, and of the time a worker is sized for.
    this.worker.function.addEventSource(
      new SqsEventSource(this.batches, { batchSize: 1, maxConcurrency: config.fanOut.maxWorkers, reportBatchItemFailures: true }),
    );
  }
}
