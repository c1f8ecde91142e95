/** A function that runs poll cycles (the poller, fan-out's workers): what it is told, and what it may do. */
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { BUNDLED_CONFIG_FILE } from './function-config.js';

/** The poll cycle's store uses these and no other table actions. */
export const POLLER_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
];

export interface PollingResources {
  table: ITable;
  alerts: ITopic;
  ops: ITopic;
  topicKey: IKey;
}

export function grantPolling(role: Role, { table, alerts, ops, topicKey }: PollingResources): void {
  role.addToPolicy(new PolicyStatement({ actions: POLLER_TABLE_ACTIONS, resources: [table.tableArn] }));
  role.addToPolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: [alerts.topicArn, ops.topicArn] }));
  // Publishing to an encrypted topic needs the key; nothing else does.
  role.addToPolicy(new PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [topicKey.keyArn] }));
}

/** Its environment: where the store and the topics are, and the configuration file in its bundle. */
export function pollingEnvironment({ table, alerts, ops }: PollingResources): Record<string, string> {
  return {
    TABLE_NAME: table.tableName,
    ALERTS_TOPIC_ARN: alerts.topicArn,
    OPS_TOPIC_ARN: ops.topicArn,
    TRANSFER_WATCH_CONFIG_FILE: BUNDLED_CONFIG_FILE,
    // The workers' too: the metrics the alarms read are counted under the poller's name.
    POWERTOOLS_SERVICE_NAME: 'transfer-watch-poller',
  };
}
