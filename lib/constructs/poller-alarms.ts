/**
 * Alarms that tell operators, on the ops topic, that the pipeline is not doing its job: a
 * polling function (the poller, or fan-out's scheduler and workers) failing, throttled or near
 * its timeout, most feeds failing, failed runs or batches waiting, workers falling behind the
 * schedule, and alerts SNS could not deliver. A single feed failing is told by the poll cycle
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

/** A function the alarms watch; `name` starts its alarms' ids and is said in their descriptions. */
export interface WatchedFunction {
  name: string;
  fn: IFunction;
  timeout: Duration;
}

/** A queue where what failed waits for an operator; `name` is its alarm's id. */
export interface FailureQueue {
  name: string;
  queue: IQueue;
  description: string;
}

export interface PollerAlarmsProps {
  functions: WatchedFunction[];
  failures: FailureQueue[];
  /** Fan-out's queue of feed batches: a batch older than a schedule interval means the workers are falling behind. */
  backlog?: IQueue;
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
    // One period holds at least one tick, and never less than CloudWatch's usual five minutes.
    const period = Duration.minutes(Math.max(5, props.everyMinutes));
    const ticksPerPeriod = Math.max(1, Math.floor(period.toMinutes() / props.everyMinutes));
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

    for (const { name, fn, timeout } of props.functions) {
      const what = name.toLowerCase();
      alarm(`${name}Errors`, `The ${what} failed a run`, fn.metricErrors({ period, statistic: 'Sum' }), 1);
      alarm(`${name}Throttles`, `The ${what} was throttled`, fn.metricThrottles({ period, statistic: 'Sum' }), 1);
      alarm(
        `${name}NearTimeout`,
        `A ${what} run took more than ${NEAR_TIMEOUT_SHARE * 100}% of its timeout`,
        fn.metricDuration({ period, statistic: 'Maximum' }),
        Math.round(timeout.toMilliseconds() * NEAR_TIMEOUT_SHARE),
      );
    }
    // Summed over the period, so the runs of every worker count, and as many ticks as the period holds.
    alarm(
      'FeedsFailing',
      'Half the feeds or more failed, two periods running: the poller may have lost its way out',
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: 'FeedsFailed',
        dimensionsMap: { service: 'transfer-watch-poller' },
        statistic: 'Sum',
        period,
      }),
      Math.max(1, Math.ceil(props.feeds / 2)) * ticksPerPeriod,
      2,
    );
    for (const { name, queue, description } of props.failures)
      alarm(name, description, queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }), 1);
    if (props.backlog)
      alarm(
        'BatchesFallingBehind',
        'A feed batch waited longer than a schedule interval: the workers cannot keep up (raise fanOut.maxWorkers)',
        props.backlog.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
        props.everyMinutes * 60,
      );
    alarm(
      'AlertDeliveryFailures',
      'SNS could not deliver alerts to some subscribers',
      props.alerts.metricNumberOfNotificationsFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
      1,
    );
  }
}
