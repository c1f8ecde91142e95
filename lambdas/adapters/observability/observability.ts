/**
 * The deployed functions' one way to be observed: Powertools' JSON logger (fixed messages,
 * structured keys, addresses redacted) and its metrics, written as CloudWatch embedded metric format (EMF) lines, so
 * no metric costs an API call.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { PollEvent } from '../../core/poll/poll-cycle.js';
import { redactingReplacer } from './redact.js';
import type { RunRecord } from '../../core/poll/ports.js';

/** The namespace the stack's alarms and dashboard read the custom metrics from. */
export const METRICS_NAMESPACE = 'TransferWatch';

export interface Observability {
  logger: Logger;
  metrics: Metrics;
}

export function createObservability(serviceName: string): Observability {
  return {
    logger: new Logger({ serviceName, jsonReplacerFn: redactingReplacer }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName }),
  };
}

/** The logger's levels a poll cycle's events are written at. */
export type PollLog = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/**
 * One log line per event of a poll cycle. A feed that had nothing new is a debug line: at
 * thousands of feeds a tick those lines would be most of the log bill, and the run's record
 * counts them.
 */
export function logPollEvent(logger: PollLog, event: PollEvent): void {
  switch (event.type) {
    case 'feed':
      if (event.report.status === 'failed') logger.warn('feed failed', { ...event.report });
      else if (event.report.status === 'fetched') logger.info('feed polled', { ...event.report });
      else logger.debug('feed polled', { ...event.report });
      return;
    case 'alert_sent':
      logger.info('alert sent', { alertId: event.alert.id, change: event.alert.type, metric: event.alert.metric });
      return;
    case 'alert_failed':
      logger.error('alert not sent', { alertId: event.alert.id, error: event.error });
      return;
    case 'ops':
      logger.info('ops message sent', { kind: event.message.kind, feed: event.message.feed });
      return;
    case 'ops_failed':
      logger.error('ops message not sent', { kind: event.message.kind, feed: event.message.feed, error: event.error });
  }
}

/** The figures of one run as metrics; the stack alarms on FeedsFailed. */
export function recordRunMetrics(metrics: Metrics, run: RunRecord): void {
  metrics.addMetric('FeedsPolled', MetricUnit.Count, run.feeds);
  metrics.addMetric('FeedsFailed', MetricUnit.Count, run.failed);
  metrics.addMetric('ItemsRead', MetricUnit.Count, run.items);
  metrics.addMetric('FiguresExtracted', MetricUnit.Count, run.figures);
  metrics.addMetric('AlertsSent', MetricUnit.Count, run.sent);
  metrics.addMetric('AlertsUnsent', MetricUnit.Count, run.unsent);
  metrics.publishStoredMetrics();
}
