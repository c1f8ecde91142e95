import { afterEach, describe, expect, it, vi } from 'vitest';

describe('the poller at cold start', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('fails with a message naming each missing setting', async () => {
    vi.stubEnv('TABLE_NAME', '');
    vi.stubEnv('ALERTS_TOPIC_ARN', '');
    vi.stubEnv('OPS_TOPIC_ARN', '');
    vi.stubEnv('TRANSFER_WATCH_CONFIG_FILE', '');
    await expect(import('../../lambdas/poller/handler.js')).rejects.toThrow(
      /invalid configuration in environment: TABLE_NAME: .*ALERTS_TOPIC_ARN: .*OPS_TOPIC_ARN: .*TRANSFER_WATCH_CONFIG_FILE: /,
    );
  });
});
