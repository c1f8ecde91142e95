import { readFileSync } from 'node:fs';
import { parseTopic, TopicError, type Topic } from '../core/topic/topic.js';
// Imported, not read from disk: a bundled function carries the shipped topic inside its code.
import shippedTopic from '../../topics/is-detainee-transfers.json' with { type: 'json' };

/** The topic shipped with transfer-watch, or the one in `path`. */
export function loadTopicFile(path?: string): Topic {
  if (path === undefined) return parseTopic(shippedTopic, 'the topic shipped with transfer-watch');
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TopicError(`cannot read topic file ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new TopicError(`topic file ${path} is not JSON: ${(error as Error).message}`);
  }
  return parseTopic(data, path);
}
