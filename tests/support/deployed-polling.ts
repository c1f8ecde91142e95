/**
 * What a deployed stack must do on each scheduled tick, whichever way it polls (one poller, or a
 * scheduler and workers): the same specification, run against the emulator for both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fitsOneSms } from '../../lambdas/core/alert/sms-encoding.js';
import type { MotoDeployment, TableItem } from './moto-deployment.js';
import { createQueue, drainQueue, type SqsQueue } from './sqs-over-http.js';

export interface DeployedPolling {
  /** The stack on the emulator, polling two feeds of the story's first snapshot. */
  deployment(): MotoDeployment;
  /** One scheduled tick, run to its end. */
  tick(runId: string): Promise<void>;
  /** The run records one tick leaves in the table. */
  runIds(runId: string): string[];
}

interface RunDoc {
  id: string;
  feeds: number;
  failed: number;
  sent: number;
  unsent: number;
}

const runsOf = (items: TableItem[]) => items.filter((item) => item.pk === 'RUN').map((item) => item.doc as RunDoc);

export function describeDeployedPolling(subject: DeployedPolling): void {
  let detaineesOnly: SqsQueue;
  let everything: SqsQueue;

  beforeAll(async () => {
    const deployment = subject.deployment();
    detaineesOnly = await createQueue(deployment.moto.endpoint, 'detainees-transferred-only');
    everything = await createQueue(deployment.moto.endpoint, 'every-alert');
    await deployment.subscribeQueue(deployment.outputs.AlertsTopicArn!, detaineesOnly, { metrics: ['detainees_transferred'] });
    await deployment.subscribeQueue(deployment.outputs.AlertsTopicArn!, everything);
  });

  describe('a scheduled tick, polling as the stack deployed it', () => {
    it('polls the feeds, stores the figures and its runs in the stack’s table, and leaves no lease behind', async () => {
      await subject.tick('run-1');
      const items = await subject.deployment().tableItems();
      expect(
        items
          .filter((item) => item.pk === 'SERIES')
          .map((item) => item.sk)
          .sort(),
      ).toEqual(['detainees_transferred', 'transfer_planned']);
      expect(items.filter((item) => item.pk === 'ALERT').map((item) => (item.doc as { sentAt?: string }).sentAt)).toEqual([
        expect.any(String),
        expect.any(String),
      ]);
      const runs = runsOf(items);
      expect(runs.map((run) => run.id).sort()).toEqual(subject.runIds('run-1'));
      const total = (field: 'feeds' | 'failed' | 'sent' | 'unsent') => runs.reduce((sum, run) => sum + run[field], 0);
      expect({ feeds: total('feeds'), failed: total('failed'), sent: total('sent'), unsent: total('unsent') }).toEqual({
        feeds: 2,
        failed: 0,
        sent: 2,
        unsent: 0,
      });
      expect(items.filter((item) => item.pk === 'LEASE')).toEqual([]);
    });

    it('delivers to a queue filtered to detainees_transferred exactly those alerts, and every alert to an unfiltered one', async () => {
      const read = async (queue: SqsQueue) =>
        (await drainQueue(subject.deployment().moto.endpoint, queue))
          .map((body) => JSON.parse(body) as { type: string; metric: string; current: { value: number } })
          .map(({ type, metric, current }) => `${type} ${metric} ${current.value}`)
          .sort();
      expect(await read(detaineesOnly)).toEqual(['new detainees_transferred 150']);
      expect(await read(everything)).toEqual(['new detainees_transferred 150', 'new transfer_planned 7000']);
    });

    it('published an SMS body for every alert, each within one message', () => {
      const bodies = subject.deployment().publishedSmsBodies();
      expect(bodies).toHaveLength(2);
      for (const body of bodies) expect(fitsOneSms(body), body).toBe(true);
    });

    it('writes no alert and delivers nothing when run again with nothing new', async () => {
      await subject.tick('run-2');
      expect(await drainQueue(subject.deployment().moto.endpoint, everything)).toEqual([]);
      const items = await subject.deployment().tableItems();
      expect(items.filter((item) => item.pk === 'ALERT')).toHaveLength(2);
      expect(
        runsOf(items)
          .map((run) => run.id)
          .sort(),
      ).toEqual([...subject.runIds('run-1'), ...subject.runIds('run-2')].sort());
      expect(runsOf(items).filter((run) => run.id.startsWith('run-2') && run.sent > 0)).toEqual([]);
    });
  });
}
