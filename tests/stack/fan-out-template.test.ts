/**
 * The template with fan-out switched on: a scheduler on the schedule, a queue of feed batches with
 * its dead-letter queue, workers bounded by the event source, each with only the rights it uses.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLLER_TABLE_ACTIONS } from '../../lib/constructs/polling-function.js';
import { synthStack } from '../support/synth-stack.js';
import { actionsOf, readTemplate, type ReadTemplate, type Resources } from '../support/template-resources.js';

/** Three hosts, one with five feeds: batches of two feeds make [5], [1, 1]... by host: the big host's five together. */
const CONFIG = {
  feeds: [
    ...Array.from({ length: 5 }, (_, index) => ({ url: `https://wire.example/region-${index}/rss` })),
    { url: 'https://daily.example/feed' },
    { url: 'https://monitor.example/rss' },
  ],
  schedule: { everyMinutes: 10 },
  fanOut: { enabled: true, feedsPerMessage: 2, maxWorkers: 8 },
};

let template: Template;
let resources: Resources;
let logicalId: ReadTemplate['logicalId'];
let statementsOf: ReadTemplate['statementsOf'];

beforeAll(() => {
  ({ template, resources, logicalId, statementsOf } = readTemplate(synthStack(CONFIG).templateJson));
}, 120_000);

const arnOf = (type: string, prefix: string) => ({ 'Fn::GetAtt': [logicalId(type, prefix), 'Arn'] });
const functionIds = () =>
  Object.entries(resources)
    .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
    .map(([id]) => id.replace(/[0-9A-F]{8}$/, ''))
    .sort();

describe('a stack with fan-out', () => {
  it('has a scheduler and workers in place of the poller', () => {
    expect(functionIds()).toEqual(['FanOutSchedulerFunction', 'FanOutWorkerFunction', 'QueryFunction']);
  });

  it('runs the scheduler at the configured rate, never retrying a failed run, whose event is kept', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(10 minutes)',
      Targets: [Match.objectLike({ Arn: arnOf('AWS::Lambda::Function', 'FanOutSchedulerFunction') })],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 0,
      DestinationConfig: { OnFailure: { Destination: arnOf('AWS::SQS::Queue', 'FanOutFailures') } },
    });
  });

  it('sizes the worker for the largest batch: one host’s five feeds, in two rounds of four, doubled for linked pages', () => {
    expect(resources[logicalId('AWS::Lambda::Function', 'FanOutWorkerFunction')]!.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 60 + 2 * 15 * 2,
    });
  });

  it('hides a batch six times the worker’s timeout while it is polled, and keeps one that failed three receives', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 6 * 120,
      MessageRetentionPeriod: 86_400,
      RedrivePolicy: { deadLetterTargetArn: arnOf('AWS::SQS::Queue', 'FanOutDeadBatches'), maxReceiveCount: 3 },
    });
  });

  it('feeds the workers one batch at a time, at most maxWorkers at once, retrying only the batches that failed', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: arnOf('AWS::SQS::Queue', 'FanOutBatches'),
      FunctionName: { Ref: logicalId('AWS::Lambda::Function', 'FanOutWorkerFunction') },
      BatchSize: 1,
      ScalingConfig: { MaximumConcurrency: 8 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('lets the scheduler send to the batch queue, write its logs and fill its failure queue, and nothing else', () => {
    const statements = statementsOf('FanOutSchedulerRole');
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: 'sqs:SendMessage', Resource: arnOf('AWS::SQS::Queue', 'FanOutBatches') }),
    );
    expect(actionsOf(statements)).toEqual(
      [
        'sqs:SendMessage',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'sqs:SendMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
      ].sort(),
    );
  });

  it('lets the workers do what the poller may, and take batches off their queue', () => {
    const statements = statementsOf('FanOutWorkerRole');
    expect(statements).toContainEqual(expect.objectContaining({ Action: POLLER_TABLE_ACTIONS }));
    expect(actionsOf(statements)).toEqual(
      [
        ...POLLER_TABLE_ACTIONS,
        'sns:Publish',
        'kms:GenerateDataKey',
        'kms:Decrypt',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'sqs:ReceiveMessage',
        'sqs:ChangeMessageVisibility',
        'sqs:GetQueueUrl',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
      ].sort(),
    );
  });

  it('alarms on both functions, failed runs and batches waiting, and workers falling behind the schedule', () => {
    const alarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm')).map(
      ([id, alarm]) => `${id.replace(/[0-9A-F]{8}$/, '')}: ${alarm.Properties.MetricName} >= ${alarm.Properties.Threshold}`,
    );
    expect(alarms.sort()).toEqual([
      'AlarmsAlertDeliveryFailures: NumberOfNotificationsFailed >= 1',
      'AlarmsBatchesFallingBehind: ApproximateAgeOfOldestMessage >= 600',
      'AlarmsFailedBatchesWaiting: ApproximateNumberOfMessagesVisible >= 1',
      'AlarmsFailedRunsWaiting: ApproximateNumberOfMessagesVisible >= 1',
      'AlarmsFeedsFailing: FeedsFailed >= 4',
      'AlarmsSchedulerErrors: Errors >= 1',
      'AlarmsSchedulerNearTimeout: Duration >= 48000',
      'AlarmsSchedulerThrottles: Throttles >= 1',
      'AlarmsWorkerErrors: Errors >= 1',
      'AlarmsWorkerNearTimeout: Duration >= 96000',
      'AlarmsWorkerThrottles: Throttles >= 1',
    ]);
  });

  it('names the scheduler, the workers and the batch queue in its outputs', () => {
    expect(Object.keys(template.findOutputs('*')).sort()).toEqual([
      'AlertsTopicArn',
      'ApiUrl',
      'FeedQueueUrl',
      'OpsTopicArn',
      'SchedulerFunctionName',
      'TableName',
      'WorkerFunctionName',
    ]);
  });
});
