/**
 * What polling costs a month on AWS, worked out from the benchmark's measured per-feed figures
 * and AWS's list prices. What this machine cannot measure (the wait for an outlet across the
 * internet, DynamoDB's latency from inside a region, how often feeds publish) is an assumption,
 * named below and printed beside the table.
 */
import { pollerMemoryMb } from '../lib/poller-sizing.js';

/**
 * us-east-1 list prices (arm64 Lambda, DynamoDB on demand after its November 2024 cut, SQS
 * standard, SNS, CloudWatch) as AWS published them in 2025; not re-read since: check the
 * pricing pages before relying on a figure. Free tiers are left out.
 */
export const PRICES = {
  asOf: 'us-east-1 list prices as published by AWS in 2025, free tiers left out',
  lambdaGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  dynamoWrite: 0.625 / 1e6,
  dynamoRead: 0.125 / 1e6,
  sqsRequest: 0.4 / 1e6,
  snsPublish: 0.5 / 1e6,
  snsEmail: 2 / 1e5,
  logsPerGb: 0.5,
  alarmMonth: 0.1,
  metricMonth: 0.3,
  kmsKeyMonth: 1,
  secretMonth: 0.4,
} as const;

export const ASSUMPTIONS = {
  /** A conditional GET to an outlet across the internet, TLS included. */
  feedWaitS: 0.25,
  /** One DynamoDB request from a function in the table's region. */
  storeRequestS: 0.008,
  /** A general news feed publishes about a hundred items a day. */
  newItemsPerFeedHour: 4,
  alertsPerDay: 10,
  emailSubscribers: 5,
  /** A "feed polled" line with Lambda's fields; unchanged feeds log at debug and cost nothing. */
  logBytesPerChangedFeed: 300,
  /** The run's summary and Lambda's START, END and REPORT lines. */
  logBytesPerInvocation: 800,
  /** fetch.concurrency and fanOut.feedsPerMessage at their defaults. */
  concurrency: 4,
  feedsPerMessage: 50,
} as const;

/** Lambda gives a function one vCPU at 1,769 MB, and a share of one in proportion below that. */
const MB_PER_VCPU = 1_769;
const HOURS_PER_MONTH = 730;
/** Runs get this share of the schedule interval, and of Lambda's 900 s, before fan-out is needed. */
const RUN_SHARE = 0.8;
/** The largest list the benchmark measures one cycle of (its peak memory); past it, fan-out. */
const MAX_SINGLE_FEEDS = 1_000;
const LAMBDA_MAX_S = 900;

/** Per-feed figures measured by the poll-cycle benchmark on one core of this machine. */
export interface MeasuredFeedCost {
  /** Seconds of work to poll one unchanged feed (a 304), store included: cycle_unchanged_s / feeds. */
  unchangedS: number;
  /** Seconds of work per new item read, store included: cycle_first_s / items. */
  newItemS: number;
  /** DynamoDB writes per new item: writes_first / items. */
  writesPerNewItem: number;
  /** Every DynamoDB request per new item, reads included: the first cycle's requests / items. */
  requestsPerNewItem: number;
}

export interface MonthlyCost {
  mode: 'single' | 'fan-out';
  total: number;
  lambda: number;
  dynamodb: number;
  queue: number;
  logs: number;
  alerts: number;
  fixed: number;
}

export function monthlyCost(measured: MeasuredFeedCost, feeds: number, everyMinutes: number): MonthlyCost {
  const a = ASSUMPTIONS;
  const ticks = (HOURS_PER_MONTH * 60) / everyMinutes;
  const newItems = (a.newItemsPerFeedHour * everyMinutes) / 60;
  // Items arrive at random: a feed with none since the last tick answers 304.
  const changedShare = 1 - Math.exp(-newItems);
  const waitPerFeedS =
    (a.feedWaitS + a.storeRequestS) / a.concurrency + (newItems * measured.requestsPerNewItem * a.storeRequestS) / a.concurrency;
  const workPerFeedS = measured.unchangedS + newItems * measured.newItemS;
  const timeOn = (memoryMb: number, count: number) => count * (waitPerFeedS + (workPerFeedS * MB_PER_VCPU) / memoryMb);

  const singleMemoryMb = pollerMemoryMb(feeds);
  const singleS = timeOn(singleMemoryMb, feeds);
  const fits = feeds <= MAX_SINGLE_FEEDS && singleS <= RUN_SHARE * Math.min(everyMinutes * 60, LAMBDA_MAX_S);
  const batches = fits ? 1 : Math.ceil(feeds / a.feedsPerMessage);
  const memoryMb = fits ? singleMemoryMb : pollerMemoryMb(a.feedsPerMessage);
  const gbSeconds = (timeOn(memoryMb, feeds) * memoryMb) / 1024;
  // Fan-out adds the scheduler's short run to each tick.
  const invocations = fits ? 1 : batches + 1;
  const lambda = ticks * (gbSeconds * PRICES.lambdaGbSecond + invocations * PRICES.lambdaRequest);

  // A run's lease, its release and its record: the poller's, or each batch's hosts and run.
  const writes = feeds * newItems * measured.writesPerNewItem + 3 * batches;
  const reads = feeds * (1 + newItems * (measured.requestsPerNewItem - measured.writesPerNewItem)) + batches;
  const dynamodb = ticks * (writes * PRICES.dynamoWrite + reads * PRICES.dynamoRead);
  // Send ten a request, receive and delete each; Lambda's five pollers long-poll the queue every 20 s.
  const queue = fits
    ? 0
    : ticks * (Math.ceil(batches / 10) + 2 * batches) * PRICES.sqsRequest + HOURS_PER_MONTH * 3_600 * (5 / 20) * PRICES.sqsRequest;
  const logBytes = feeds * changedShare * a.logBytesPerChangedFeed + invocations * a.logBytesPerInvocation;
  const logs = (ticks * logBytes * PRICES.logsPerGb) / 1e9;
  const alerts = a.alertsPerDay * (HOURS_PER_MONTH / 24) * (PRICES.snsPublish + a.emailSubscribers * PRICES.snsEmail);
  // The alarms (6, or 11 with fan-out), six custom metrics, the topics' key and the cursor key's secret.
  const fixed = (fits ? 6 : 11) * PRICES.alarmMonth + 6 * PRICES.metricMonth + PRICES.kmsKeyMonth + PRICES.secretMonth;
  const total = lambda + dynamodb + queue + logs + alerts + fixed;
  return { mode: fits ? 'single' : 'fan-out', total, lambda, dynamodb, queue, logs, alerts, fixed };
}

export const COST_FEEDS = [10, 100, 1_000, 10_000];
export const COST_MINUTES = [5, 15, 60];

/** The table: feeds by schedule, dollars a month and the mode that can keep to the schedule. */
export function monthlyCostTable(measured: MeasuredFeedCost): Record<string, Record<string, MonthlyCost>> {
  return Object.fromEntries(
    COST_FEEDS.map((feeds) => [
      String(feeds),
      Object.fromEntries(COST_MINUTES.map((minutes) => [String(minutes), monthlyCost(measured, feeds, minutes)])),
    ]),
  );
}
