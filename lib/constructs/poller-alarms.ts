/**
 * Alarms that tell operators, on the ops topic, that the pipeline is not doing its job: the
 * poller failing, throttled or near its timeout, most feeds failing, failed runs waiting in the
 * failure queue, and alerts SNS could not deliver. A single feed failing is told by the poller
 * itself, by name, after a few failures in a row.
 */
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '../../lambdas/adapters/observability/observability.js';

export interface PollerAlarmsProps {
  poller: IFunction;
  pollerTimeout: Duration;
  failures: IQueue;
  alerts: ITopic;
  ops: ITopic;
  feeds: number;
  everyMinutes: number;
}

/** A run is past this share of its timeout: the feed list or a slow host is outgrowing it. */
export const NEAR_TIMEOUT_SHARE = 0.8;

export class PollerAlarms extends Construct {
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: PollerAlarmsProps) {
    super(scope, id);
    // One period holds at least one run, and never less than CloudWatch's usual five minutes.
    const period = Duration.minutes(Math.max(5, props.everyMinutes));
    const action = new SnsAction(props.ops);
    const alarm = (name: string, description: string, metric: IMetric, threshold: number, evaluationPeriods = 1) => {
      const created = new Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
    };

    alarm('PollerErrors', 'The poller failed a run', props.poller.metricErrors({ period, statistic: 'Sum' }), 1);
    alarm('PollerThrottles', 'The poller was throttled', props.poller.metricThrottles({ period, statistic: 'Sum' }), 1);
    alarm(
      'PollerNearTimeout',
      `A poller run took more than ${NEAR_TIMEOUT_SHARE * 100}% of its timeout`,
      props.poller.metricDuration({ period, statistic: 'Maximum' }),
      Math.round(props.pollerTimeout.toMilliseconds() * NEAR_TIMEOUT_SHARE),
    );
    alarm(
      'FeedsFailing',
      'Half the feeds or more failed in two runs in a row: the poller may have lost its way out',
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: 'FeedsFailed',
        dimensionsMap: { service: 'transfer-watch-poller' },
        statistic: 'Minimum',
        period,
      }),
      Math.max(1, Math.ceil(props.feeds / 2)),
      2,
    );
    alarm(
      'FailedRunsWaiting',
      'Events of failed poller runs are waiting in the failure queue',
      props.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      1,
    );
    alarm(
      'AlertDeliveryFailures',
      'SNS could not deliver alerts to some subscribers',
      props.alerts.metricNumberOfNotificationsFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
      1,
    );
  }
}
