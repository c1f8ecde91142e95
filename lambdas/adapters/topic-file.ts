import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTopic, TopicError, type Topic } from '../core/topic/topic.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The topic shipped with transfer-watch; the path holds from source (tsx) and from dist alike. */
export const DEFAULT_TOPIC_FILE = join(here, '..', '..', 'topics', 'is-detainee-transfers.json');

export function loadTopicFile(path: string = DEFAULT_TOPIC_FILE): Topic {
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
