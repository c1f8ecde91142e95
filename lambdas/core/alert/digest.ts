import type { Alert } from './alert.js';
import { formatAlert, SUBJECT_MAX, type AlertLabels } from './format.js';
import { fitsOneSms } from './sms-encoding.js';

/** Several changes in one message: what a subscriber gets once per digest window. */
export interface DigestMessage {
  subject: string;
  email: string;
  sms: string;
  /** `{"type": "digest", "alerts": [<the JSON contract of each alert>]}`. */
  json: string;
  /** Lists, so that a filter policy on any one metric, facility or change still matches. */
  attributes: { metric: string[]; facility: string[]; change: string[]; magnitude: number };
}

export function formatDigest(alerts: Alert[], labels: AlertLabels): DigestMessage {
  const messages = alerts.map((alert) => formatAlert(alert, labels));
  const count = `${alerts.length} change${alerts.length === 1 ? '' : 's'}`;
  const subject = `transfer-watch: ${count}: ${messages.map((message) => message.subject).join('; ')}`;
  return {
    subject: subject.length <= SUBJECT_MAX ? subject : `${subject.slice(0, SUBJECT_MAX - 3)}...`,
    email: [`${count} since the last message.`, ...messages.map((message) => message.email)].join('\n\n==========\n\n'),
    sms: smsLines(messages.map((message) => message.sms)),
    json: JSON.stringify({ type: 'digest', alerts: messages.map((message) => JSON.parse(message.json) as unknown) }),
    attributes: {
      metric: unique(messages.map((message) => message.attributes.metric)),
      facility: unique(messages.map((message) => message.attributes.facility)),
      change: unique(messages.map((message) => message.attributes.change)),
      magnitude: Math.max(...messages.map((message) => message.attributes.magnitude)),
    },
  };
}

/** One line per change, as many as one SMS holds; the rest counted. */
function smsLines(lines: string[]): string {
  for (let kept = lines.length; kept > 0; kept -= 1) {
    const rest = lines.length - kept;
    const text = [...lines.slice(0, kept), ...(rest > 0 ? [`+${rest} more`] : [])].join('\n');
    if (fitsOneSms(text)) return text;
  }
  return `${lines.length} changes: see the email`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
