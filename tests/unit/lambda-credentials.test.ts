import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultProvider } from '../../lambdas/adapters/lambda-credentials.js';

describe('the credentials a bundled function uses', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('are the role’s, from the environment Lambda gives the function', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAFUNCTIONROLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session');
    expect(await defaultProvider()()).toMatchObject({
      accessKeyId: 'ASIAFUNCTIONROLE',
      secretAccessKey: 'secret',
      sessionToken: 'session',
    });
  });

  it('are looked for nowhere else: without them in the environment the request fails, saying so', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
    await expect(defaultProvider()()).rejects.toThrow(/environment variable credentials/);
  });
});
