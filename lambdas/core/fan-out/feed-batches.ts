/**
 * How a long feed list is cut into the messages workers poll. A host's feeds always travel in
 * one message: a worker spaces its requests to one host, but two workers would not know of each
 * other, so splitting a host would break the spacing promised to it.
 */
import { createHash } from 'node:crypto';
import type { FeedConfig } from '../feed/feed.js';

/** The host a feed is fetched from, as the fetcher spaces requests: the URL's host name, any case. */
export function hostOf(feed: FeedConfig): string {
  return new URL(feed.url).hostname.toLowerCase();
}

/**
 * Groups the feeds by host, in the order the list first names each host, and packs whole groups
 * into batches of at most `feedsPerMessage` feeds; a group larger than that is a batch of its own.
 */
export function batchFeedsByHost(feeds: FeedConfig[], feedsPerMessage: number): FeedConfig[][] {
  const byHost = new Map<string, FeedConfig[]>();
  for (const feed of feeds) {
    const host = hostOf(feed);
    const group = byHost.get(host);
    if (group) group.push(feed);
    else byHost.set(host, [feed]);
  }
  const batches: FeedConfig[][] = [];
  let current: FeedConfig[] = [];
  for (const group of byHost.values()) {
    if (current.length > 0 && current.length + group.length > feedsPerMessage) {
      batches.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * The lease a worker takes on a batch's hosts: the same hosts give the same name, however the
 * feeds are ordered, and a name stays short however many hosts there are.
 */
export function hostsLease(feeds: FeedConfig[]): string {
  const hosts = [...new Set(feeds.map(hostOf))].sort();
  return `hosts ${createHash('sha256').update(hosts.join('\n')).digest('hex').slice(0, 32)}`;
}
