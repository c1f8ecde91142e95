import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { subscriptionSchema, type Subscription } from '../../lambdas/core/config/config.js';
import { filterPolicyOf } from '../../lambdas/adapters/publish/sns-filter-policy.js';
import { readStackOutputs } from './remote/stack-outputs.js';

export interface SubscribeOptions {
  stack: string;
  region?: string;
  email?: string;
  sms?: string;
  metric?: string[];
  facility?: string[];
  change?: string[];
  minMagnitude?: string;
}

export class SubscribeOptionError extends Error {
  override name = 'SubscribeOptionError';
}

/** The option each field of a subscription comes from, so that a wrong value is named as the user typed it. */
const OPTION_OF: Record<string, string> = {
  email: '--email',
  sms: '--sms',
  'filter.metrics': '--metric',
  'filter.facilities': '--facility',
  'filter.changes': '--change',
  'filter.minMagnitude': '--min-magnitude',
};

/** The subscription the options ask for, checked as the configuration file's subscriptions are. */
export function subscriptionOf(options: SubscribeOptions): Subscription {
  const filter = {
    ...(options.metric ? { metrics: options.metric } : {}),
    ...(options.facility ? { facilities: options.facility } : {}),
    ...(options.change ? { changes: options.change } : {}),
    ...(options.minMagnitude !== undefined ? { minMagnitude: Number(options.minMagnitude) } : {}),
  };
  const asked = {
    ...(options.email !== undefined ? { email: options.email } : {}),
    ...(options.sms !== undefined ? { sms: options.sms } : {}),
    ...(Object.keys(filter).length > 0 ? { filter } : {}),
  };
  const result = subscriptionSchema.safeParse(asked);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.filter((part) => typeof part === 'string').join('.');
    // The one check across fields is the choice of address.
    if (field === '') return 'give exactly one of --email or --sms';
    // A filter value is shown, to point at the wrong one of several; an address is not repeated.
    const value = field === 'filter.minMagnitude' ? options.minMagnitude : valueAt(asked, issue.path);
    const shown = field.startsWith('filter.') && typeof value === 'string' ? ` (not "${value}")` : '';
    return `${OPTION_OF[field] ?? field}: ${issue.message}${shown}`;
  });
  throw new SubscribeOptionError([...new Set(problems)].join('; '));
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], data);
}

/** Subscribes an email address or phone number to the stack's alerts topic, with the filter asked for. */
export async function subscribe(options: SubscribeOptions, out: (text: string) => void): Promise<void> {
  const subscription = subscriptionOf(options);
  const policy = filterPolicyOf(subscription.filter);
  const outputs = await readStackOutputs(options.stack, options.region ? { region: options.region } : {});
  const protocol = subscription.email !== undefined ? 'email' : 'sms';
  const address = subscription.email ?? subscription.sms ?? '';
  const sns = new SNSClient({ region: outputs.region });
  let arn: string | undefined;
  try {
    ({ SubscriptionArn: arn } = await sns.send(
      new SubscribeCommand({
        TopicArn: outputs.get('AlertsTopicArn'),
        Protocol: protocol,
        Endpoint: address,
        // Without a policy SNS delivers everything; an empty policy would be refused.
        ...(policy ? { Attributes: { FilterPolicy: JSON.stringify(policy), FilterPolicyScope: 'MessageAttributes' } } : {}),
        // The ARN even while an email subscription waits for its confirmation, to name it later.
        ReturnSubscriptionArn: true,
      }),
    ));
  } finally {
    sns.destroy();
  }
  const lines = [
    `Subscribed ${protocol === 'email' ? 'email' : 'phone number'} ${masked(address)} to the alerts of stack ${outputs.stack} (${outputs.region}).`,
    policy ? `Only alerts matching the filter policy ${JSON.stringify(policy)}.` : 'No filter: every alert is sent.',
    `Subscription: ${arn ?? 'no ARN returned'}`,
    protocol === 'email'
      ? 'AWS has sent a confirmation email to that address: nothing is delivered until the link in it is followed. If it expires, subscribe again.'
      : 'A new AWS account is in the SMS sandbox: it texts only phone numbers verified in the SNS console (Text messaging (SMS) > Sandbox destination phone numbers) until AWS moves it out.',
  ];
  out(`${lines.join('\n')}\n`);
}

/** Enough of an address to recognise it, not enough to copy it out of a terminal log. */
function masked(address: string): string {
  const at = address.lastIndexOf('@');
  if (at > 0) return `${address[0]}***${address.slice(at)}`;
  return `${address.slice(0, 1)}***${address.slice(-4)}`;
}
