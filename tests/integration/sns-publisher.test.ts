/**
 * The SNS publisher against a moto server: what subscribers receive is read where moto delivered
 * it, from SQS queues (through SNS's envelope, as RawMessageDelivery false gives it) and from an
 * HTTP endpoint. moto delivers to queues before Publish returns, so a queue read right after holds
 * everything that was sent to it.
 */
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnsPublisher } from '../../lambdas/adapters/publish/sns-publisher.js';
import type { Alert } from '../../lambdas/core/alert/alert.js';
import { defaultMetricLabels, formatAlert } from '../../lambdas/core/alert/format.js';
import { MOTO_SETUP_TIMEOUT_MS, startMotoServer, type MotoServer } from '../support/moto-server.js';
import { createQueue, drainQueue, type SqsQueue } from '../support/sqs-over-http.js';

/** What SNS puts in a queue when RawMessageDelivery is false. */
interface Envelope {
  Type: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
}

/** Transfers to Iraq went from 150 to 1,380: +1,230, no facility. */
const transferIncrease: Alert = {
  id: 'detainees_transferred|increase|1380',
  type: 'increase',
  metric: 'detainees_transferred',
  previous: {
    value: 150,
    bound: 'exact',
    quote: 'The first 150 detainees were flown to Iraq on Wednesday.',
    link: 'https://levantwire.example/2026/01/first-transfer',
    outlet: 'Levant Wire',
    published: '2026-01-22T11:00:00Z',
  },
  current: {
    value: 1380,
    bound: 'exact',
    quote: 'A total of 1,380 detainees have now been moved to Iraq, the coalition said.',
    link: 'https://levantwire.example/2026/02/transfers-1380',
    outlet: 'Levant Wire',
    published: '2026-02-01T16:30:00Z',
  },
  sources: 2,
  createdAt: '2026-02-01T17:30:00Z',
};

/** Two outlets disagree on al-Hol's population: 24,000 against 24,500, 500 apart. */
const campConflict: Alert = {
  id: 'camp_population|al-Hol|conflict|24500',
  type: 'conflict',
  metric: 'camp_population',
  facility: 'al-Hol',
  previous: {
    value: 24000,
    bound: 'approx',
    quote: 'About 24,000 people remain in al-Hol camp.',
    link: 'https://gulfdaily.example/al-hol',
    outlet: 'The Gulf Daily',
    published: '2026-02-10T08:00:00Z',
  },
  current: {
    value: 24500,
    bound: 'approx',
    quote: 'Some 24,500 people are still held in al-Hol.',
    link: 'https://monitor.example/al-hol-census',
    outlet: 'Syria Detention Monitor',
    published: '2026-02-10T12:00:00Z',
  },
  sources: 1,
  createdAt: '2026-02-10T12:10:00Z',
};

/** Detainees held in NE Syria fell from 9,000 to 8,000: a change of exactly 1,000. */
const heldDecrease: Alert = {
  id: 'detainees_held|decrease|8000',
  type: 'decrease',
  metric: 'detainees_held',
  previous: { value: 9000, bound: 'exact' },
  current: {
    value: 8000,
    bound: 'exact',
    quote: 'The SDF now holds 8,000 IS detainees, down from 9,000.',
    link: 'https://levantwire.example/2026/02/held-8000',
    outlet: 'Levant Wire',
    published: '2026-02-20T15:00:00Z',
  },
  sources: 1,
  createdAt: '2026-02-20T15:45:00Z',
};

let moto: MotoServer;
let sns: SNSClient;
let names = 0;

beforeAll(async () => {
  moto = await startMotoServer();
  sns = new SNSClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
}, MOTO_SETUP_TIMEOUT_MS);

afterAll(async () => {
  sns?.destroy();
  await moto?.stop();
});

function uniqueName(prefix: string): string {
  names += 1;
  return `${prefix}-${names}`;
}

async function createTopic(): Promise<string> {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: uniqueName('topic') }));
  return TopicArn as string;
}

async function subscribeQueue(topicArn: string, filterPolicy?: object): Promise<SqsQueue> {
  const queue = await createQueue(moto.endpoint, uniqueName('queue'));
  await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: queue.arn,
      Attributes: { RawMessageDelivery: 'false', ...(filterPolicy ? { FilterPolicy: JSON.stringify(filterPolicy) } : {}) },
    }),
  );
  return queue;
}

async function envelopes(queue: SqsQueue): Promise<Envelope[]> {
  return (await drainQueue(moto.endpoint, queue)).map((body) => JSON.parse(body) as Envelope);
}

async function alertIdsIn(queue: SqsQueue): Promise<string[]> {
  return (await envelopes(queue)).map((envelope) => envelope.MessageAttributes?.alert_id?.Value ?? '(no alert_id)').sort();
}

describe('an alert delivered to an SQS subscriber', () => {
  let topicArn: string;
  let received: Envelope[];

  beforeAll(async () => {
    topicArn = await createTopic();
    const queue = await subscribeQueue(topicArn);
    await createSnsPublisher(sns, { topicArn, opsTopicArn: await createTopic() }).publish(transferIncrease);
    received = await envelopes(queue);
  });

  it('arrives once, as one notification from the alerts topic', () => {
    expect(received.map((envelope) => [envelope.Type, envelope.TopicArn])).toEqual([['Notification', topicArn]]);
  });

  it('has the JSON contract line as its message', () => {
    expect(JSON.parse(received[0]?.Message ?? '')).toEqual({
      type: 'increase',
      metric: 'detainees_transferred',
      previous: { value: 150, bound: 'exact' },
      current: {
        value: 1380,
        bound: 'exact',
        quote: 'A total of 1,380 detainees have now been moved to Iraq, the coalition said.',
        link: 'https://levantwire.example/2026/02/transfers-1380',
        outlet: 'Levant Wire',
        published: '2026-02-01T16:30:00Z',
      },
      sources: 2,
    });
  });

  it("has the email's subject", () => {
    expect(received[0]?.Subject).toBe('IS detainees moved to Iraq: 150 -> 1,380 (+1,230)');
  });

  it('carries the attributes filters match on, the size of the change as a number, and the alert id', () => {
    expect(received[0]?.MessageAttributes).toEqual({
      metric: { Type: 'String', Value: 'detainees_transferred' },
      facility: { Type: 'String', Value: 'none' },
      change: { Type: 'String', Value: 'increase' },
      magnitude: { Type: 'Number', Value: '1230' },
      alert_id: { Type: 'String', Value: 'detainees_transferred|increase|1380' },
    });
  });
});

describe('the body each protocol gets', () => {
  let webhook: Server;
  const posted: string[] = [];

  beforeAll(async () => {
    webhook = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        posted.push(body);
        response.end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', () => resolve()));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => webhook.close(() => resolve()));
  });

  it('is the JSON contract line for a webhook', async () => {
    const topicArn = await createTopic();
    // moto confirms HTTP subscriptions at once, where SNS would first post a confirmation.
    const endpoint = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/sns`;
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: endpoint }));
    await createSnsPublisher(sns, { topicArn, opsTopicArn: await createTopic() }).publish(campConflict);
    expect(posted.map((body) => (JSON.parse(body) as Envelope).Message)).toEqual([formatAlert(campConflict, defaultMetricLabels).json]);
  });

  it('is the email body for email and the default, the SMS line for SMS, and JSON for the machine protocols', async () => {
    // moto delivers neither email nor SMS: the message as the topic recorded it is what they would be sent.
    const topicArn = await createTopic();
    await createSnsPublisher(sns, { topicArn, opsTopicArn: await createTopic() }).publish(heldDecrease);
    const { email, sms, json } = formatAlert(heldDecrease, defaultMetricLabels);
    expect(await recordedMessages(topicArn)).toEqual([
      { default: email, email, 'email-json': json, sms, sqs: json, lambda: json, http: json, https: json, firehose: json },
    ]);
  });
});

/** The messages a topic was published, as moto's state dump records them (id, message, subject, …). */
async function recordedMessages(topicArn: string): Promise<unknown[]> {
  const state = (await (await fetch(`${moto.endpoint}/moto-api/data.json`)).json()) as {
    sns: { Topic: { arn: string; sent_notifications: [string, string, ...unknown[]][] }[] };
  };
  const topic = state.sns.Topic.find((candidate) => candidate.arn === topicArn);
  return (topic?.sent_notifications ?? []).map(([, message]) => JSON.parse(message));
}

describe('subscription filter policies', () => {
  let byMetric: SqsQueue;
  let byChange: SqsQueue;
  let byMagnitude: SqsQueue;

  beforeAll(async () => {
    const topicArn = await createTopic();
    byMetric = await subscribeQueue(topicArn, { metric: ['detainees_transferred'] });
    byChange = await subscribeQueue(topicArn, { change: ['conflict'] });
    byMagnitude = await subscribeQueue(topicArn, { magnitude: [{ numeric: ['>=', 1000] }] });
    const publisher = createSnsPublisher(sns, { topicArn, opsTopicArn: await createTopic() });
    for (const alert of [transferIncrease, campConflict, heldDecrease]) await publisher.publish(alert);
  });

  it('on the metric pass only that figure', async () => {
    expect(await alertIdsIn(byMetric)).toEqual([transferIncrease.id]);
  });

  it('on the change pass only that kind of change', async () => {
    expect(await alertIdsIn(byChange)).toEqual([campConflict.id]);
  });

  it('on the magnitude compare it as a number, the bound included', async () => {
    expect(await alertIdsIn(byMagnitude)).toEqual([heldDecrease.id, transferIncrease.id].sort());
  });
});

describe('a digest', () => {
  let all: SqsQueue;
  let camps: SqsQueue;
  let escapes: SqsQueue;

  beforeAll(async () => {
    const topicArn = await createTopic();
    all = await subscribeQueue(topicArn);
    camps = await subscribeQueue(topicArn, { metric: ['camp_population'] });
    escapes = await subscribeQueue(topicArn, { metric: ['escaped'] });
    await createSnsPublisher(sns, { topicArn, opsTopicArn: await createTopic() }).publishDigest([
      transferIncrease,
      campConflict,
      heldDecrease,
    ]);
  });

  it('is one message carrying every alert in its JSON', async () => {
    const [envelope, ...rest] = await envelopes(all);
    expect(rest).toEqual([]);
    const body = JSON.parse(envelope!.Message) as { type: string; alerts: Array<{ metric: string }> };
    expect(body.type).toBe('digest');
    expect(body.alerts.map((alert) => alert.metric)).toEqual(['detainees_transferred', 'camp_population', 'detainees_held']);
  });

  it('reaches a subscriber filtering on any one of its metrics, and no other', async () => {
    expect(await envelopes(camps)).toHaveLength(1);
    expect(await envelopes(escapes)).toEqual([]);
  });
});

describe('ops messages', () => {
  it("reach the ops topic's subscribers and not the alerts topic's", async () => {
    const [topicArn, opsTopicArn] = [await createTopic(), await createTopic()];
    const [alerts, ops] = [await subscribeQueue(topicArn), await subscribeQueue(opsTopicArn)];
    await createSnsPublisher(sns, { topicArn, opsTopicArn }).publishOps({
      kind: 'feed_failing',
      feed: 'https://levantwire.example/rss',
      message: 'feed https://levantwire.example/rss has failed 3 times in a row: HTTP 503',
    });
    expect(await envelopes(alerts)).toEqual([]);
    expect((await envelopes(ops)).map((envelope) => envelope.Message)).toEqual([
      'feed https://levantwire.example/rss has failed 3 times in a row: HTTP 503',
    ]);
  });

  it('name their kind in the subject and in an attribute', async () => {
    const opsTopicArn = await createTopic();
    const ops = await subscribeQueue(opsTopicArn);
    await createSnsPublisher(sns, { topicArn: await createTopic(), opsTopicArn }).publishOps({
      kind: 'feed_recovered',
      feed: 'https://levantwire.example/rss',
      message: 'feed https://levantwire.example/rss is working again',
    });
    expect((await envelopes(ops)).map((envelope) => [envelope.Subject, envelope.MessageAttributes])).toEqual([
      ['transfer-watch: feed recovered', { kind: { Type: 'String', Value: 'feed_recovered' } }],
    ]);
  });
});

describe('a publish SNS refuses', () => {
  it('throws, so that the alert stays pending', async () => {
    const missing = 'arn:aws:sns:us-east-1:123456789012:no-such-topic';
    await expect(createSnsPublisher(sns, { topicArn: missing, opsTopicArn: missing }).publish(transferIncrease)).rejects.toThrow(
      /does not exist/,
    );
  });
});
