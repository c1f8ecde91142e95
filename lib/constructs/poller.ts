/**
 * The scheduled poller: one run per EventBridge tick, a lease in the table so runs never overlap,
 * and a queue where the events of failed runs land.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Config } from '../../lambdas/core/config/config.js';
import { pollerSize } from '../poller-sizing.js';
import { BundledFunction } from './bundled-function.js';

/** The name the configuration has inside the bundle, beside index.mjs. */
export const BUNDLED_CONFIG_FILE = 'config.json';

/** A topic file of the user's own, when the configuration names one; the function runs in the bundle's folder. */
export const BUNDLED_TOPIC_FILE = 'topic.json';

/** The poller uses these and no other table actions. */
export const POLLER_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
];

export interface PollerProps {
  config: Config;
  table: ITable;
  alerts: ITopic;
  ops: ITopic;
  topicKey: IKey;
}

export class Poller extends Construct {
  readonly bundled: BundledFunction;
  readonly failures: Queue;
  readonly timeout: Duration;

  constructor(scope: Construct, id: string, props: PollerProps) {
    super(scope, id);
    const size = pollerSize(props.config);
    this.timeout = Duration.seconds(size.timeoutSeconds);
    const configFile = writeFunctionConfig(props.config);

    this.failures = new Queue(this, 'Failures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter destination of the poller’s failed runs.',
    });

    this.bundled = new BundledFunction(this, 'Function', {
      entry: 'lambdas/poller/handler.ts',
      description: `transfer-watch poller: ${size.reason}`.slice(0, 256),
      memorySize: size.memoryMb,
      timeout: this.timeout,
      environment: {
        TABLE_NAME: props.table.tableName,
        ALERTS_TOPIC_ARN: props.alerts.topicArn,
        OPS_TOPIC_ARN: props.ops.topicArn,
        TRANSFER_WATCH_CONFIG_FILE: BUNDLED_CONFIG_FILE,
        POWERTOOLS_SERVICE_NAME: 'transfer-watch-poller',
      },
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_inputDir: string, outputDir: string) => [
          `cp "${configFile}" "${outputDir}/${BUNDLED_CONFIG_FILE}"`,
          ...(props.config.topicFile ? [`cp "${resolve(props.config.topicFile)}" "${outputDir}/${BUNDLED_TOPIC_FILE}"`] : []),
        ],
      },
    });
    const fn = this.bundled.function;
    // A failed run is not retried: the next tick polls again, and its event is kept in the queue.
    fn.configureAsyncInvoke({ retryAttempts: 0, onFailure: new SqsDestination(this.failures) });

    this.bundled.role.addToPolicy(new PolicyStatement({ actions: POLLER_TABLE_ACTIONS, resources: [props.table.tableArn] }));
    this.bundled.role.addToPolicy(
      new PolicyStatement({ actions: ['sns:Publish'], resources: [props.alerts.topicArn, props.ops.topicArn] }),
    );
    // Publishing to an encrypted topic needs the key; nothing else does.
    this.bundled.role.addToPolicy(
      new PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.topicKey.keyArn] }),
    );

    new Rule(this, 'Schedule', {
      description: `Runs the transfer-watch poller every ${props.config.schedule.everyMinutes} minutes`,
      schedule: Schedule.rate(Duration.minutes(props.config.schedule.everyMinutes)),
      targets: [new LambdaFunction(fn, { retryAttempts: 0 })],
    });
  }
}

/**
 * The configuration the poller reads at cold start, without subscribers' addresses, which it has
 * no need of. Written where esbuild's hook can copy it into the bundle.
 */
function writeFunctionConfig(config: Config): string {
  const { subscriptions: _subscriptions, operators: _operators, ...rest } = config;
  const forFunction = rest.topicFile ? { ...rest, topicFile: BUNDLED_TOPIC_FILE } : rest;
  const file = join(mkdtempSync(join(tmpdir(), 'transfer-watch-config-')), BUNDLED_CONFIG_FILE);
  writeFileSync(file, `${JSON.stringify(forFunction, null, 2)}\n`);
  return file;
}
