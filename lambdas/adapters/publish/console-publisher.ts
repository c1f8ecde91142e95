import type { Alert } from '../../core/alert/alert.js';
import { formatDigest } from '../../core/alert/digest.js';
import { defaultMetricLabels, formatAlert, type AlertLabels } from '../../core/alert/format.js';
import type { OpsMessage, Publisher } from '../../core/poll/ports.js';

/**
 * Local mode's publisher: each alert printed as a subscriber would get it (the email's subject and
 * body, and the SMS line), or, for machines, the JSON line of the CLI contract.
 */
export function createConsolePublisher(
  write: (text: string) => void,
  { json = false, labels = defaultMetricLabels }: { json?: boolean; labels?: AlertLabels } = {},
): Publisher {
  return {
    async publish(alert: Alert) {
      const message = formatAlert(alert, labels);
      if (json) {
        write(`${message.json}\n`);
        return;
      }
      write(`\n----- email -----\n${message.email}\n----- SMS -----\n${message.sms}\n`);
    },
    async publishDigest(alerts: Alert[]) {
      const message = formatDigest(alerts, labels);
      if (json) {
        // The JSON contract stays one line per alert, digest or not.
        for (const alert of alerts) write(`${formatAlert(alert, labels).json}\n`);
        return;
      }
      write(`\n----- email (digest) -----\n${message.subject}\n\n${message.email}\n----- SMS -----\n${message.sms}\n`);
    },
    async publishOps(message: OpsMessage) {
      // Ops messages go to operators, not subscribers: in JSON mode they stay off the alert stream.
      if (!json) write(`\n[ops] ${message.message}\n`);
    },
  };
}
