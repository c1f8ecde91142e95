import { describe, expect, it } from 'vitest';
import { BatchMessageError, batchRunId, parseBatchMessage } from '../../lambdas/core/fan-out/batch-message.js';

const message = {
  run: 'run-7',
  batch: 2,
  of: 3,
  enqueuedAt: '2026-02-01T17:30:00.000Z',
  feeds: [{ url: 'https://levantwire.example/rss', outlet: 'Levant Wire' }, { url: 'https://gulfdaily.example/feed' }],
};

describe('a feed batch message', () => {
  it('reads back what the scheduler wrote', () => {
    expect(parseBatchMessage(JSON.stringify(message))).toEqual(message);
  });

  it('names the run and the batch as the worker’s run id', () => {
    expect(batchRunId(message)).toBe('run-7 2/3');
  });

  it('is refused, saying so, when it is not JSON', () => {
    expect(() => parseBatchMessage('feeds: all')).toThrow(BatchMessageError);
    expect(() => parseBatchMessage('feeds: all')).toThrow(/^feed batch message is not JSON: /);
  });

  it('is refused, naming the field, when a feed is not an http address', () => {
    const body = JSON.stringify({ ...message, feeds: [{ url: 'file:///etc/passwd' }] });
    expect(() => parseBatchMessage(body)).toThrow(/feeds\.0\.url/);
  });

  it('is refused when it has no feeds, a batch past its count, or a field the scheduler never writes', () => {
    for (const wrong of [
      { ...message, feeds: [] },
      { ...message, batch: 4 },
      { ...message, priority: 'high' },
    ])
      expect(() => parseBatchMessage(JSON.stringify(wrong))).toThrow(/^feed batch message is not one the scheduler writes: /);
  });
});
