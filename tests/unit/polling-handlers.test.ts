import { afterEach, describe, expect, it, vi } from 'vitest';

describe('a polling function at cold start', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('fails, the poller naming each missing setting', async () => {
    vi.stubEnv('TABLE_NAME', '');
    vi.stubEnv('ALERTS_TOPIC_ARN', '');
    vi.stubEnv('OPS_TOPIC_ARN', '');
    vi.stubEnv('TRANSFER_WATCH_CONFIG_FILE', '');
    await expect(import('../../lambdas/poller/handler.js')).rejects.toThrow(
      /invalid configuration in environment: TABLE_NAME: .*ALERTS_TOPIC_ARN: .*OPS_TOPIC_ARN: .*TRANSFER_WATCH_CONFIG_FILE: /,
    );
  });

  it('fails, the scheduler naming its queue and configuration file when they are missing or wrong', async () => {
    vi.stubEnv('FEED_QUEUE_URL', 'sqs/feed-batches');
    vi.stubEnv('TRANSFER_WATCH_CONFIG_FILE', '');
    await expect(import('../../lambdas/scheduler/handler.js')).rejects.toThrow(
      /invalid configuration in environment: FEED_QUEUE_URL: .*TRANSFER_WATCH_CONFIG_FILE: /,
    );
  });

  it('fails, the worker naming each setting the poller would need', async () => {
    vi.stubEnv('TABLE_NAME', '');
    vi.stubEnv('ALERTS_TOPIC_ARN', 'topic');
    vi.stubEnv('OPS_TOPIC_ARN', '');
    vi.stubEnv('TRANSFER_WATCH_CONFIG_FILE', '');
    await expect(import('../../lambdas/worker/handler.js')).rejects.toThrow(
      /invalid configuration in environment: TABLE_NAME: .*ALERTS_TOPIC_ARN: .*OPS_TOPIC_ARN: .*TRANSFER_WATCH_CONFIG_FILE: /,
    );
  });
});
