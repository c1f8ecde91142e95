import { PublishCommand, type MessageAttributeValue, type SNSClient } from '@aws-sdk/client-sns';
import type { Alert } from '../../core/alert/alert.js';
import { formatDigest } from '../../core/alert/digest.js';
import { defaultMetricLabels, formatAlert, type AlertLabels, type AlertMessage } from '../../core/alert/format.js';
import type { OpsMessage, Publisher } from '../../core/poll/ports.js';

export interface SnsPublisherOptions {
  /** Subscribers' topic: email, SMS, queues, functions and webhooks. */
  topicArn: string;
  /** Operators' topic: the pipeline's own health, kept off the subscribers' one. */
  opsTopicArn: string;
  labels?: AlertLabels;
}

const OPS_SUBJECTS: Record<OpsMessage['kind'], string> = {
  feed_failing: 'transfer-watch: feed failing',
  feed_recovered: 'transfer-watch: feed recovered',
};

/**
 * Publishes each alert once to the subscribers' topic, each subscriber reading the form meant for
 * its protocol; errors are thrown as the SDK gives them, so that the poll cycle keeps the alert
 * pending and retries it.
 */
export function createSnsPublisher(
  client: SNSClient,
  { topicArn, opsTopicArn, labels = defaultMetricLabels }: SnsPublisherOptions,
): Publisher {
  const publishToSubscribers = (
    message: Pick<AlertMessage, 'subject' | 'email' | 'sms' | 'json'>,
    attributes: Record<string, MessageAttributeValue>,
  ) =>
    client.send(
      new PublishCommand({
        TopicArn: topicArn,
        MessageStructure: 'json',
        Message: JSON.stringify(bodiesByProtocol(message)),
        // The email's subject line; SNS also puts it in the envelope that queues and webhooks get.
        Subject: message.subject,
        MessageAttributes: attributes,
      }),
    );
  return {
    async publish(alert: Alert) {
      const message = formatAlert(alert, labels);
      const { metric, facility, change, magnitude } = message.attributes;
      // A subscriber that gets the same alert twice (SNS delivers at least once, and a run that
      // dies after publishing publishes again) drops the copy by its id.
      await publishToSubscribers(message, {
        metric: text(metric),
        facility: text(facility),
        change: text(change),
        magnitude: number(magnitude),
        alert_id: text(alert.id),
      });
    },
    async publishDigest(alerts: Alert[]) {
      const message = formatDigest(alerts, labels);
      const { metric, facility, change, magnitude } = message.attributes;
      // Lists: a filter policy matches a digest when any of its changes matches.
      await publishToSubscribers(message, {
        metric: list(metric),
        facility: list(facility),
        change: list(change),
        magnitude: number(magnitude),
        alert_id: list(alerts.map((alert) => alert.id)),
      });
    },
    async publishOps(message: OpsMessage) {
      await client.send(
        new PublishCommand({
          TopicArn: opsTopicArn,
          Subject: OPS_SUBJECTS[message.kind],
          Message: message.message,
          MessageAttributes: { kind: text(message.kind) },
        }),
      );
    },
  };
}

/**
 * One body per SNS protocol key: people read the email body or the SMS line, machines the JSON
 * contract. Mobile push reads its platform's key (APNS, GCM…) and gets `default`: no app is
 * subscribed. SNS requires `default`.
 */
function bodiesByProtocol(message: Pick<AlertMessage, 'email' | 'sms' | 'json'>): Record<string, string> {
  return {
    default: message.email,
    email: message.email,
    'email-json': message.json,
    sms: message.sms,
    sqs: message.json,
    lambda: message.json,
    http: message.json,
    https: message.json,
    firehose: message.json,
  };
}

function text(value: string): MessageAttributeValue {
  return { DataType: 'String', StringValue: value };
}

function list(values: string[]): MessageAttributeValue {
  return { DataType: 'String.Array', StringValue: JSON.stringify(values) };
}

function number(value: number): MessageAttributeValue {
  return { DataType: 'Number', StringValue: String(value) };
}
