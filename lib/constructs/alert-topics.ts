/**
 * The alerts topic (figures, to subscribers) and the ops topic (feed health and alarms, to
 * operators): both encrypted with one customer key and refusing requests not made over TLS.
 */
import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { CfnSubscription, Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { filterPolicyOf } from '../../lambdas/adapters/publish/sns-filter-policy.js';
import type { Operator, Subscription } from '../../lambdas/core/config/config.js';

export interface AlertTopicsProps {
  subscriptions: Subscription[];
  operators: Operator[];
}

export class AlertTopics extends Construct {
  readonly key: Key;
  readonly alerts: Topic;
  readonly ops: Topic;

  constructor(scope: Construct, id: string, props: AlertTopicsProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', { description: 'Encrypts transfer-watch alert and ops messages at rest', enableKeyRotation: true });
    // CloudWatch alarms publish to the ops topic, so they must be able to use its key.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.alerts = new Topic(this, 'Alerts', { displayName: 'transfer-watch', masterKey: this.key, enforceSSL: true });
    this.ops = new Topic(this, 'Ops', { displayName: 'transfer-watch ops', masterKey: this.key, enforceSSL: true });

    props.subscriptions.forEach((subscription, index) => {
      const filterPolicy = filterPolicyOf(subscription.filter);
      new CfnSubscription(this, `Subscriber${index + 1}`, {
        topicArn: this.alerts.topicArn,
        ...endpointOf(subscription),
        ...(filterPolicy ? { filterPolicy, filterPolicyScope: 'MessageAttributes' } : {}),
      });
    });
    props.operators.forEach((operator, index) => {
      new CfnSubscription(this, `Operator${index + 1}`, { topicArn: this.ops.topicArn, ...endpointOf(operator) });
    });
  }
}

function endpointOf(address: { email?: string | undefined; sms?: string | undefined }): { protocol: string; endpoint: string } {
  return address.email !== undefined
    ? { protocol: 'email', endpoint: address.email }
    : { protocol: 'sms', endpoint: address.sms as string };
}
