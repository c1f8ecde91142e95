import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTopicFile } from '../../lambdas/adapters/topic-file.js';
import { parseTopic, TopicError } from '../../lambdas/core/topic/topic.js';

describe('the topic file', () => {
  it('ships the default topic with all eight metrics of the contract', () => {
    expect(loadTopicFile().metrics.map((metric) => metric.id).sort()).toEqual([
      'camp_population',
      'detainee_nationalities',
      'detainees_held',
      'detainees_transferred',
      'escaped',
      'recaptured',
      'repatriated',
      'transfer_planned',
    ]);
  });

  it('names the file and the field when a topic is invalid', () => {
    const topic = structuredClone(loadTopicFile()) as Record<string, unknown> & { metrics: Array<Record<string, unknown>> };
    topic.metrics[0]!.kind = 'sometimes';
    expect(() => parseTopic(topic, 'my-topic.json')).toThrow(/invalid topic in my-topic\.json: metrics\.0\.kind/);
  });

  it('reports a file that is not JSON as a TopicError naming the path', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'topic-')), 'broken.json');
    writeFileSync(path, '{ not json');
    expect(() => loadTopicFile(path)).toThrow(TopicError);
    expect(() => loadTopicFile(path)).toThrow(/broken\.json is not JSON/);
  });
});
