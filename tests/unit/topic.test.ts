import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTopicFile } from '../../lambdas/adapters/topic-file.js';
import { createExtractor } from '../../lambdas/core/extract/extract.js';
import { parseTopic, TopicError } from '../../lambdas/core/topic/topic.js';

describe('the topic file', () => {
  it('ships the default topic with all eight metrics of the contract', () => {
    expect(
      loadTopicFile()
        .metrics.map((metric) => metric.id)
        .sort(),
    ).toEqual([
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

  it('refuses two metrics with the same role', () => {
    const topic = structuredClone(loadTopicFile());
    topic.metrics[1]!.role = topic.metrics[0]!.role;
    expect(() => parseTopic(topic, 'twice.json')).toThrow(/each role belongs to one metric at most/);
  });

  it('lets a second topic name its metrics its own way: the rules follow the roles', () => {
    const topic = structuredClone(loadTopicFile());
    for (const metric of topic.metrics) metric.id = `other_${metric.id}`;
    const extract = createExtractor(parseTopic(topic, 'renamed.json'));
    const { figures } = extract({ text: 'Officials said up to 7,000 detainees could be moved to Iraq.' });
    expect(figures.map(({ metric, value, bound }) => ({ metric, value, bound }))).toEqual([
      { metric: 'other_transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });
});
