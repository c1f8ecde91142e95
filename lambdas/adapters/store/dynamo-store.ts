import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type AttributeValue,
  type BatchGetItemCommandOutput,
  type BatchWriteItemCommandOutput,
  type KeysAndAttributes,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import type { Alert } from '../../core/alert/alert.js';
import type { FeedState } from '../../core/feed/feed.js';
import type { Change, CommitResult, Page, RunRecord, SeenItem, SeriesMove, Store } from '../../core/poll/ports.js';
import { seriesId, type Observation, type SeriesKey, type SeriesState } from '../../core/series/series.js';
import { TABLE_TTL_ATTRIBUTE } from './table.js';

/**
 * One table, keyed (pk, sk), laid out for the questions people ask:
 *   SERIES / <series id>            the current figure of every series, its outbox of unsent alerts, and the observations it counted
 *   OBS#<series id> / <published>#<id>  the history of one series, in time order, with provenance
 *   ALERT / <created>#<id>           every alert, in time order ("what changed since")
 *   FEED / <url>                     feed health and conditional GET validators
 *   ITEM / <item key>                items already read, with their content hash
 *   CLAIM / <alert id>               the run publishing an alert, until its lease ends
 * Documents are kept as JSON in `doc`; only what conditions test is a typed attribute.
 */
const SERIES = 'SERIES';
const ALERT = 'ALERT';
const FEED = 'FEED';
const ITEM = 'ITEM';
const CLAIM = 'CLAIM';
const LEASE = 'LEASE';
const POLLER = 'poller';
const RUN = 'RUN';
/** Runs are kept a month: enough to see how the poller has been doing. */
const RUN_KEPT_SECONDS = 30 * 86_400;
const PAGE_SIZE = 100;
const DAY_SECONDS = 86_400;
/** DynamoDB's own limits on one batch request. */
const BATCH_GET_MAX = 100;
const BATCH_WRITE_MAX = 25;

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

type Item = Record<string, AttributeValue>;

const key = (pk: string, sk: string): Item => ({ pk: { S: pk }, sk: { S: sk } });
const doc = (value: unknown): AttributeValue => ({ S: JSON.stringify(value) });
const read = <T>(item: Item | undefined): T | undefined => (item?.doc?.S === undefined ? undefined : (JSON.parse(item.doc.S) as T));

/** The same observation (one story's figure, from one outlet) is recorded once, however often it is read. */
export function observationId(observation: Observation): string {
  const parts = [
    observation.storyId,
    observation.outlet,
    seriesId(observation),
    observation.value,
    observation.bound,
    observation.increment ?? false,
    observation.as_of ?? '',
  ];
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 24);
}

function encodeCursor(lastKey: Item | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;
}

function decodeCursor(cursor: string | undefined): Item | undefined {
  if (cursor === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Item;
  } catch {
    throw new StoreError('invalid page cursor');
  }
}

export class StoreError extends Error {
  override name = 'StoreError';
}

export function createDynamoStore(client: DynamoDBClient, tableName: string): Store {
  const get = async (pk: string, sk: string) =>
    (await client.send(new GetItemCommand({ TableName: tableName, Key: key(pk, sk), ConsistentRead: true }))).Item;

  const put = (item: Item, condition?: string) =>
    client.send(new PutItemCommand({ TableName: tableName, Item: item, ...(condition ? { ConditionExpression: condition } : {}) }));

  /** Runs a conditional write; a failed condition is an answer ("already done", "moved meanwhile"), not an error. */
  async function conditional(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async function query<T>(pk: string, cursor: string | undefined, range?: { from?: string; to?: string }): Promise<Page<T>> {
    const conditions = ['pk = :pk'];
    const values: Item = { ':pk': { S: pk } };
    if (range?.from !== undefined && range.to !== undefined) {
      conditions.push('sk BETWEEN :from AND :to');
      values[':from'] = { S: range.from };
      values[':to'] = { S: range.to };
    } else if (range?.from !== undefined) {
      conditions.push('sk >= :from');
      values[':from'] = { S: range.from };
    } else if (range?.to !== undefined) {
      conditions.push('sk <= :to');
      values[':to'] = { S: range.to };
    }
    const exclusiveStartKey = decodeCursor(cursor);
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: conditions.join(' AND '),
        ExpressionAttributeValues: values,
        Limit: PAGE_SIZE,
        ConsistentRead: true,
        ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
      }),
    );
    const next = encodeCursor(result.LastEvaluatedKey);
    return { items: (result.Items ?? []).map((item) => read<T>(item)!), ...(next ? { next } : {}) };
  }

  /**
   * Moves a series on from the version it was read at, counting the observation that moves it: the
   * series keeps the ids of the observations it has counted, so that none counts twice, whoever reads
   * it again (a retry whose first answer was lost, a run beside this one, a cycle after a failed write).
   * 'moved': another write came first. 'counted': this observation is in the series already.
   */
  async function writeSeries(
    series: SeriesState,
    expectedVersion: number | null,
    observation: string,
    alert: Alert | undefined,
  ): Promise<'written' | 'moved' | 'counted'> {
    const id = seriesId(series);
    const written =
      expectedVersion === null
        ? await conditional(() =>
            put(
              {
                ...key(SERIES, id),
                doc: doc(series),
                version: { N: String(series.version) },
                outbox: { M: alert ? { [alert.id]: doc(alert) } : {} },
                counted: { SS: [observation] },
              },
              'attribute_not_exists(pk)',
            ),
          )
        : await conditional(() =>
            client.send(
              new UpdateItemCommand({
                TableName: tableName,
                Key: key(SERIES, id),
                UpdateExpression: `SET doc = :doc, version = :next${alert ? ', outbox.#alert = :alert' : ''} ADD counted :observations`,
                ConditionExpression: 'version = :expected AND NOT contains(counted, :observation)',
                ExpressionAttributeValues: {
                  ':doc': doc(series),
                  ':next': { N: String(series.version) },
                  ':expected': { N: String(expectedVersion) },
                  ':observations': { SS: [observation] },
                  ':observation': { S: observation },
                  ...(alert ? { ':alert': doc(alert) } : {}),
                },
                ...(alert ? { ExpressionAttributeNames: { '#alert': alert.id } } : {}),
              }),
            ),
          );
    if (written) return 'written';
    // A failed condition does not say which part failed; the series as it is now does.
    return (await get(SERIES, id))?.version?.N === String(expectedVersion) ? 'counted' : 'moved';
  }

  const observationItem = (observation: Observation): Item => ({
    ...key(`OBS#${seriesId(observation)}`, `${observation.published}#${observationId(observation)}`),
    doc: doc(observation),
  });
  const writeObservation = (observation: Observation) => conditional(() => put(observationItem(observation), 'attribute_not_exists(pk)'));

  /** Unconditional puts in batches of 25; a key twice in one batch is refused by DynamoDB, so the last of each key is kept. */
  async function putAll(items: Item[]): Promise<void> {
    const unique = [...new Map(items.map((item) => [`${item.pk!.S}\u0000${item.sk!.S}`, item])).values()];
    for (const chunk of chunks(unique, BATCH_WRITE_MAX)) {
      let request: Record<string, WriteRequest[]> | undefined = { [tableName]: chunk.map((item) => ({ PutRequest: { Item: item } })) };
      // DynamoDB may write part of a batch and hand back the rest to send again.
      while (request && Object.keys(request).length > 0) {
        const result: BatchWriteItemCommandOutput = await client.send(new BatchWriteItemCommand({ RequestItems: request }));
        request = result.UnprocessedItems;
      }
    }
  }

  /** Items by key, in batches of 100; those that do not exist are left out. */
  async function getAll(keys: Item[]): Promise<Item[]> {
    const items: Item[] = [];
    for (const chunk of chunks(keys, BATCH_GET_MAX)) {
      let request: Record<string, KeysAndAttributes> | undefined = { [tableName]: { Keys: chunk, ConsistentRead: true } };
      // DynamoDB may answer part of a batch and hand back the rest to ask again.
      while (request && Object.keys(request).length > 0) {
        const result: BatchGetItemCommandOutput = await client.send(new BatchGetItemCommand({ RequestItems: request }));
        items.push(...(result.Responses?.[tableName] ?? []));
        request = result.UnprocessedKeys;
      }
    }
    return items;
  }

  const alertKey = (alert: Alert) => key(ALERT, `${alert.createdAt}#${alert.id}`);
  const feedItem = (state: FeedState): Item => ({ ...key(FEED, state.url), doc: doc(state) });

  /**
   * The series goes first: its conditional write claims the change, counts the observation once and
   * carries the alert in its outbox, so that no run can raise it twice and no crash can lose it.
   */
  async function moveSeries({ observation, series, expectedVersion, alert }: SeriesMove): Promise<CommitResult> {
    const written = await writeSeries(series, expectedVersion, observationId(observation), alert);
    if (written === 'moved') return 'conflict';
    if (written === 'written' && alert) await put({ ...alertKey(alert), doc: doc(alert) });
    return written === 'written' ? 'committed' : 'duplicate';
  }

  return {
    feedState: async (url) => read<FeedState>(await get(FEED, url)),
    async feedStates(urls) {
      const states = (await getAll([...new Set(urls)].map((url) => key(FEED, url)))).map((item) => read<FeedState>(item)!);
      return new Map(states.map((state) => [state.url, state]));
    },
    saveFeedState: async (state) => {
      await put(feedItem(state));
    },
    async seenItems(keys) {
      const found = new Map<string, SeenItem>();
      for (const item of await getAll([...new Set(keys)].map((itemKey) => key(ITEM, itemKey)))) {
        const seen = read<SeenItem>(item);
        if (seen) found.set(seen.key, seen);
      }
      return found;
    },

    saveSeenItems: (items, feedState) =>
      putAll([...items.map((item) => ({ ...key(ITEM, item.key), doc: doc(item) })), ...(feedState ? [feedItem(feedState)] : [])]),

    saveHistory: (observations) => putAll(observations.map(observationItem)),
    series: async (seriesKey: SeriesKey) => read<SeriesState>(await get(SERIES, seriesId(seriesKey))),

    async commit(change: Change): Promise<CommitResult> {
      const { observation, series } = change;
      if (!series) return (await writeObservation(observation)) ? 'committed' : 'duplicate';
      const result = await moveSeries({ ...change, series });
      // Last, and again by a run that finds the observation counted: a write cut short leaves no gap in the history.
      if (result !== 'conflict') await writeObservation(observation);
      return result;
    },

    moveSeries,

    async pendingAlerts(): Promise<Alert[]> {
      const pending: Alert[] = [];
      let cursor: Item | undefined;
      do {
        const result = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': { S: SERIES } },
            ProjectionExpression: 'outbox',
            ConsistentRead: true,
            ...(cursor ? { ExclusiveStartKey: cursor } : {}),
          }),
        );
        for (const item of result.Items ?? [])
          for (const value of Object.values(item.outbox?.M ?? {})) pending.push(JSON.parse(value.S!) as Alert);
        cursor = result.LastEvaluatedKey;
      } while (cursor);
      // Sent by a run that stopped before taking it out of its outbox: the log says when.
      const logged = new Map(
        (await getAll(pending.map(alertKey))).map((item) => read<Alert>(item)!).map((alert) => [alert.id, alert.sentAt]),
      );
      const stored = pending.map((alert) => {
        const sentAt = logged.get(alert.id);
        return sentAt === undefined ? alert : { ...alert, sentAt };
      });
      // Alerts raised in one cycle share its time: the reports' own times then keep the story in order.
      return stored.sort(
        (a, b) =>
          a.createdAt.localeCompare(b.createdAt) || a.current.published.localeCompare(b.current.published) || a.id.localeCompare(b.id),
      );
    },

    claimAlert: (alert, now, until) =>
      conditional(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            // A claim outlives its lease by a day, then the table's TTL removes it.
            Item: {
              ...key(CLAIM, alert.id),
              until: { S: until },
              [TABLE_TTL_ATTRIBUTE]: { N: String(Math.floor(Date.parse(until) / 1000) + DAY_SECONDS) },
            },
            ConditionExpression: 'attribute_not_exists(pk) OR #until < :now',
            ExpressionAttributeNames: { '#until': 'until' },
            ExpressionAttributeValues: { ':now': { S: now } },
          }),
        ),
      ),

    async releaseAlert(alert) {
      await client.send(new DeleteItemCommand({ TableName: tableName, Key: key(CLAIM, alert.id) }));
    },

    async markAlertSent(alert, sentAt) {
      await put({ ...alertKey(alert), doc: doc({ ...alert, sentAt }) });
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: key(SERIES, seriesId(alert)),
          UpdateExpression: 'REMOVE outbox.#alert',
          ExpressionAttributeNames: { '#alert': alert.id },
        }),
      );
    },

    listSeries: (cursor) => query<SeriesState>(SERIES, cursor),
    history: (seriesKey, cursor) => query<Observation>(`OBS#${seriesId(seriesKey)}`, cursor),
    // Keys are "<created>#<id>": every key of an alert created before `until` sorts below "<until>#".
    alerts: ({ since, until }, cursor) =>
      query<Alert>(ALERT, cursor, { ...(since ? { from: since } : {}), ...(until ? { to: `${until}#` } : {}) }),
    listFeedStates: (cursor) => query<FeedState>(FEED, cursor),

    acquireLease: (holder, now, until, lease = POLLER) =>
      conditional(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: { ...key(LEASE, lease), holder: { S: holder }, until: { S: until } },
            // Held by this run already: the SDK retrying a write whose answer was lost.
            ConditionExpression: 'attribute_not_exists(pk) OR #until < :now OR holder = :holder',
            ExpressionAttributeNames: { '#until': 'until' },
            ExpressionAttributeValues: { ':now': { S: now }, ':holder': { S: holder } },
          }),
        ),
      ),

    async releaseLease(holder, lease = POLLER) {
      await conditional(() =>
        client.send(
          new DeleteItemCommand({
            TableName: tableName,
            Key: key(LEASE, lease),
            // A run that outlived its lease must not end the next run's.
            ConditionExpression: 'holder = :holder',
            ExpressionAttributeValues: { ':holder': { S: holder } },
          }),
        ),
      );
    },

    async saveRun(run) {
      await put({
        ...key(RUN, `${run.startedAt}#${run.id}`),
        doc: doc(run),
        [TABLE_TTL_ATTRIBUTE]: { N: String(Math.floor(Date.parse(run.startedAt) / 1000) + RUN_KEPT_SECONDS) },
      });
    },

    async recentRuns(limit) {
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: RUN } },
          ScanIndexForward: false,
          Limit: limit,
          ConsistentRead: true,
        }),
      );
      return (result.Items ?? []).map((item) => read<RunRecord>(item)!);
    },
  };
}
