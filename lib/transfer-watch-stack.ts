/**
 * transfer-watch in one stack: the table, the alert and ops topics with their subscribers, the
 * scheduled poller (or, with `fanOut.enabled`, a scheduler, a queue and workers), the query API,
 * and the alarms.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { Config } from '../lambdas/core/config/config.js';
import { AlertTopics } from './constructs/alert-topics.js';
import { FanOutPoller } from './constructs/fan-out-poller.js';
import { Poller } from './constructs/poller.js';
import { PollerAlarms } from './constructs/poller-alarms.js';
import { QueryApi } from './constructs/query-api.js';
import { UpdatesTable } from './constructs/updates-table.js';

export interface TransferWatchStackProps extends StackProps {
  config: Config;
}

/** The outputs the CLI reads by name (`--stack NAME`). */
export const STACK_OUTPUTS = {
  apiUrl: 'ApiUrl',
  alertsTopicArn: 'AlertsTopicArn',
  opsTopicArn: 'OpsTopicArn',
  tableName: 'TableName',
  pollerFunctionName: 'PollerFunctionName',
  schedulerFunctionName: 'SchedulerFunctionName',
  workerFunctionName: 'WorkerFunctionName',
  feedQueueUrl: 'FeedQueueUrl',
} as const;

export class TransferWatchStack extends Stack {
  constructor(scope: Construct, id: string, props: TransferWatchStackProps) {
    super(scope, id, props);
    const { config } = props;
    const { table } = new UpdatesTable(this, 'Updates');
    const topics = new AlertTopics(this, 'Topics', { subscriptions: config.subscriptions, operators: config.operators });
    const polling = { config, table, alerts: topics.alerts, ops: topics.ops, topicKey: topics.key };
    const query = new QueryApi(this, 'Query', { table, corsOrigins: config.api.corsOrigins });
    const watched = { alerts: topics.alerts, ops: topics.ops, feeds: config.feeds.length, everyMinutes: config.schedule.everyMinutes };
    if (config.fanOut.enabled) {
      const fanOut = new FanOutPoller(this, 'FanOut', polling);
      new PollerAlarms(this, 'Alarms', {
        ...watched,
        functions: [
          { name: 'Scheduler', fn: fanOut.scheduler.function, timeout: fanOut.schedulerTimeout },
          { name: 'Worker', fn: fanOut.worker.function, timeout: fanOut.workerTimeout },
        ],
        failures: [
          {
            name: 'FailedRunsWaiting',
            queue: fanOut.failures,
            description: 'Events of failed scheduler runs are waiting in the failure queue',
          },
          {
            name: 'FailedBatchesWaiting',
            queue: fanOut.deadBatches,
            description: 'Feed batches that failed every try are waiting in the dead-letter queue',
          },
        ],
        backlog: fanOut.batches,
      });
      new CfnOutput(this, STACK_OUTPUTS.schedulerFunctionName, { value: fanOut.scheduler.function.functionName });
      new CfnOutput(this, STACK_OUTPUTS.workerFunctionName, { value: fanOut.worker.function.functionName });
      new CfnOutput(this, STACK_OUTPUTS.feedQueueUrl, { value: fanOut.batches.queueUrl, description: 'Feed batches for the workers' });
    } else {
      const poller = new Poller(this, 'Poller', polling);
      new PollerAlarms(this, 'Alarms', {
        ...watched,
        functions: [{ name: 'Poller', fn: poller.bundled.function, timeout: poller.timeout }],
        failures: [
          {
            name: 'FailedRunsWaiting',
            queue: poller.failures,
            description: 'Events of failed poller runs are waiting in the failure queue',
          },
        ],
      });
      new CfnOutput(this, STACK_OUTPUTS.pollerFunctionName, { value: poller.bundled.function.functionName });
    }

    new CfnOutput(this, STACK_OUTPUTS.apiUrl, { value: query.url, description: 'The query API (IAM-authorised: sign with SigV4)' });
    new CfnOutput(this, STACK_OUTPUTS.alertsTopicArn, { value: topics.alerts.topicArn, description: 'Subscribe here for alerts' });
    new CfnOutput(this, STACK_OUTPUTS.opsTopicArn, { value: topics.ops.topicArn, description: 'Feed health and alarms' });
    new CfnOutput(this, STACK_OUTPUTS.tableName, { value: table.tableName });
  }
}
