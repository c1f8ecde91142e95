/**
 * The scheduled poller: one run per EventBridge tick, a lease in the table so runs never overlap,
 * and a queue where the events of failed runs land.
 */
import { Duration } from 'aws-cdk-lib';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Config } from '../../lambdas/core/config/config.js';
import { pollerSize } from '../poller-sizing.js';
import { BundledFunction } from './bundled-function.js';
import { failureQueue } from './failure-queue.js';
import { configBundlingHooks } from './function-config.js';
import { grantPolling, pollingEnvironment, type PollingResources } from './polling-function.js';
import { runOnSchedule } from './scheduled-runs.js';

export interface PollerProps extends PollingResources {
  config: Config;
}

export class Poller extends Construct {
  readonly bundled: BundledFunction;
  readonly failures: Queue;
  readonly timeout: Duration;

  constructor(scope: Construct, id: string, props: PollerProps) {
    super(scope, id);
    const size = pollerSize(props.config);
    this.timeout = Duration.seconds(size.timeoutSeconds);
    this.failures = failureQueue(this, 'Failures', 'the poller’s failed runs');
    this.bundled = new BundledFunction(this, 'Function', {
      entry: 'lambdas/poller/handler.ts',
      description: `transfer-watch poller: ${size.reason}`.slice(0, 256),
      memorySize: size.memoryMb,
      timeout: this.timeout,
      environment: pollingEnvironment(props),
      commandHooks: configBundlingHooks(props.config),
    });
    grantPolling(this.bundled.role, props);
    runOnSchedule(this, this.bundled.function, {
      everyMinutes: props.config.schedule.everyMinutes,
      failures: this.failures,
      what: 'poller',
    });
  }
}
