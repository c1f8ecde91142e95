/**
 * Specification of `subscribe`: run as a user runs it, against a stack created in a moto server
 * (a local AWS), and checked by asking SNS what it now holds.
 */
import { GetSubscriptionAttributesCommand, ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { createStack, credentials, MOTO_ENV } from '../support/moto-stack.js';
import { MOTO_SETUP_TIMEOUT_MS, startMotoServer, type MotoServer } from '../support/moto-server.js';

let moto: MotoServer;
let sns: SNSClient;
let topicArn: string;

beforeAll(async () => {
  moto = await startMotoServer();
  // No API is asked for here: the URL is only the output a stack has.
  ({ AlertsTopicArn: topicArn = '' } = await createStack(
    moto.endpoint,
    'TransferWatch',
    'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/',
  ));
  sns = new SNSClient({ endpoint: moto.endpoint, region: MOTO_ENV.AWS_REGION, credentials });
}, MOTO_SETUP_TIMEOUT_MS);

afterAll(async () => {
  sns?.destroy();
  await moto?.stop();
});

const subscribe = (...args: string[]) =>
  cli(['subscribe', '--stack', 'TransferWatch', ...args], '', { ...MOTO_ENV, AWS_ENDPOINT_URL: moto.endpoint });

/** What SNS holds for the topic's subscription to `endpoint`. */
async function subscriptionTo(endpoint: string): Promise<Record<string, string> | undefined> {
  const { Subscriptions = [] } = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
  const found = Subscriptions.find((subscription) => subscription.Endpoint === endpoint);
  if (!found) return undefined;
  return (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: found.SubscriptionArn }))).Attributes;
}

async function subscriptionCount(): Promise<number> {
  return (await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))).Subscriptions?.length ?? 0;
}

describe('subscribe --email', () => {
  it("subscribes the address to the stack's alerts topic with the filter policy the options give", async () => {
    const result = await subscribe(
      '--email',
      'analyst@newsroom.example',
      '--metric',
      'detainees_transferred',
      'transfer_planned',
      '--change',
      'increase',
      'decrease',
      '--min-magnitude',
      '100',
    );
    expect(result.code).toBe(0);
    const attributes = await subscriptionTo('analyst@newsroom.example');
    expect(attributes).toMatchObject({
      TopicArn: topicArn,
      Protocol: 'email',
      Endpoint: 'analyst@newsroom.example',
      FilterPolicyScope: 'MessageAttributes',
    });
    expect(JSON.parse(attributes?.FilterPolicy ?? 'null')).toEqual({
      metric: ['detainees_transferred', 'transfer_planned'],
      change: ['increase', 'decrease'],
      magnitude: [{ numeric: ['>=', 100] }],
    });
  });

  it('says a confirmation email must be accepted, and shows the address only in part', async () => {
    const result = await subscribe('--email', 'editor@newsroom.example', '--facility', 'al-Hol camp');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Subscribed email e***@newsroom.example to the alerts of stack TransferWatch (us-east-1).');
    expect(result.stdout).toContain('Only alerts matching the filter policy {"facility":["al-Hol camp"]}.');
    expect(result.stdout).toContain(
      'AWS has sent a confirmation email to that address: nothing is delivered until the link in it is followed.',
    );
    expect(result.stdout).not.toContain('editor@newsroom.example');
  });
});

describe('subscribe --sms', () => {
  it('subscribes the phone number with no filter policy when no filter is given', async () => {
    const result = await subscribe('--sms', '+447700900123');
    expect(result.code).toBe(0);
    const attributes = await subscriptionTo('+447700900123');
    expect(attributes).toMatchObject({ Protocol: 'sms', Endpoint: '+447700900123' });
    expect(attributes).not.toHaveProperty('FilterPolicy');
    expect(result.stdout).toContain('No filter: every alert is sent.');
  });

  it('warns that a new account texts only verified numbers, and shows the number only in part', async () => {
    const result = await subscribe('--sms', '+447700900456', '--change', 'conflict');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Subscribed phone number +***0456');
    expect(result.stdout).toContain('A new AWS account is in the SMS sandbox: it texts only phone numbers verified in the SNS console');
    expect(result.stdout).not.toContain('+447700900456');
  });

  it('refuses a number not in E.164 form, naming --sms, and subscribes nothing', async () => {
    const before = await subscriptionCount();
    const result = await subscribe('--sms', '07700 900789');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--sms: must be a phone number in E.164 form, like +447700900123');
    expect(await subscriptionCount()).toBe(before);
  });
});

describe('subscribe to a stack that does not exist', () => {
  it('fails naming the stack and the region, and says what to check', async () => {
    const result = await cli(['subscribe', '--stack', 'TransferWach', '--email', 'analyst@newsroom.example'], '', {
      ...MOTO_ENV,
      AWS_ENDPOINT_URL: moto.endpoint,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('no stack named "TransferWach" in us-east-1: check the name and the region (--region or AWS_REGION)');
  });
});
