/**
 * transfer-watch in one stack: the table, the alert and ops topics with their subscribers, the
 * scheduled poller, the query API, and the alarms.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { Config } from '../lambdas/core/config/config.js';
import { AlertTopics } from './constructs/alert-topics.js';
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
} as const;

export class TransferWatchStack extends Stack {
  constructor(scope: Construct, id: string, props: TransferWatchStackProps) {
    super(scope, id, props);
    const { config } = props;
    const { table } = new UpdatesTable(this, 'Updates');
    const topics = new AlertTopics(this, 'Topics', { subscriptions: config.subscriptions, operators: config.operators });
    const poller = new Poller(this, 'Poller', { config, table, alerts: topics.alerts, ops: topics.ops, topicKey: topics.key });
    const query = new QueryApi(this, 'Query', { table, corsOrigins: config.api.corsOrigins });
    new PollerAlarms(this, 'Alarms', {
      poller: poller.bundled.function,
      pollerTimeout: poller.timeout,
      failures: poller.failures,
      alerts: topics.alerts,
      ops: topics.ops,
      feeds: config.feeds.length,
      everyMinutes: config.schedule.everyMinutes,
    });

    new CfnOutput(this, STACK_OUTPUTS.apiUrl, { value: query.url, description: 'The query API (IAM-authorised: sign with SigV4)' });
    new CfnOutput(this, STACK_OUTPUTS.alertsTopicArn, { value: topics.alerts.topicArn, description: 'Subscribe here for alerts' });
    new CfnOutput(this, STACK_OUTPUTS.opsTopicArn, { value: topics.ops.topicArn, description: 'Feed health and alarms' });
    new CfnOutput(this, STACK_OUTPUTS.tableName, { value: table.tableName });
    new CfnOutput(this, STACK_OUTPUTS.pollerFunctionName, { value: poller.bundled.function.functionName });
  }
}
