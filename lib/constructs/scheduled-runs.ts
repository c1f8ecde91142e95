/** A function run on a fixed rate by EventBridge, never retried: the next tick runs again, and a failed run's event is kept. */
import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface ScheduleProps {
  everyMinutes: number;
  failures: IQueue;
  /** Named in the rule's description: poller, scheduler. */
  what: string;
}

export function runOnSchedule(scope: Construct, fn: IFunction, { everyMinutes, failures, what }: ScheduleProps): Rule {
  fn.configureAsyncInvoke({ retryAttempts: 0, onFailure: new SqsDestination(failures) });
  return new Rule(scope, 'Schedule', {
    description: `Runs the transfer-watch ${what} every ${everyMinutes} minutes`,
    schedule: Schedule.rate(Duration.minutes(everyMinutes)),
    targets: [new LambdaFunction(fn, { retryAttempts: 0 })],
  });
}
