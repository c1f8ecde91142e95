import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_FILE, loadConfig, loadPollerSettings, loadQuerySettings } from '../../lambdas/adapters/config-file.js';

const folder = mkdtempSync(join(tmpdir(), 'transfer-watch-config-'));
function file(content: string): string {
  const path = join(folder, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, content);
  return path;
}

describe('the configuration file', () => {
  it('ships with real outlets and the defaults filled in', () => {
    const config = loadConfig({ file: DEFAULT_CONFIG_FILE, env: {} });
    expect(config.feeds.length).toBeGreaterThanOrEqual(5);
    expect(config.fetch).toMatchObject({ timeoutMs: 15_000, maxRedirects: 5, allowPrivateHosts: false });
    expect(config.thresholds).toEqual({ absolute: 0, relative: 0 });
  });

  it('names the file and the wrong value', () => {
    const path = file(JSON.stringify({ feeds: [{ url: 'https://a.example/rss' }], thresholds: { relative: -1 } }));
    expect(() => loadConfig({ file: path, env: {} })).toThrow(`invalid configuration in ${path}: thresholds.relative`);
  });

  it('says when the file is not JSON', () => {
    const path = file('{ feeds: ');
    expect(() => loadConfig({ file: path, env: {} })).toThrow(`configuration file ${path} is not JSON`);
  });

  it('lets no page of another origin read the API unless it names the origin', () => {
    const path = file(JSON.stringify({ feeds: [] }));
    expect(loadConfig({ file: path, env: {} }).api.corsOrigins).toEqual([]);
  });

  it('names an origin given with a trailing slash', () => {
    const path = file(JSON.stringify({ api: { corsOrigins: ['https://dashboard.example/'] } }));
    expect(() => loadConfig({ file: path, env: {} })).toThrow(
      `invalid configuration in ${path}: api.corsOrigins.0: must be an origin like https://example.org (no path, no trailing slash), or *`,
    );
  });

  it('lets the environment allow private hosts', () => {
    const path = file(JSON.stringify({ feeds: [] }));
    expect(loadConfig({ file: path, env: { TRANSFER_WATCH_ALLOW_PRIVATE_HOSTS: '1' } }).fetch.allowPrivateHosts).toBe(true);
  });
});

describe('the deployed poller settings', () => {
  const env = {
    TABLE_NAME: 'transfer-watch-table',
    ALERTS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:alerts',
    OPS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:ops',
    LAMBDA_TASK_ROOT: folder,
    TRANSFER_WATCH_CONFIG_FILE: basename(file(JSON.stringify({ feeds: [{ url: 'https://a.example/rss', outlet: 'A' }] }))),
  };

  it('reads the table and topics from the environment, and the configuration from a file beside the code', () => {
    expect(loadPollerSettings(env)).toMatchObject({
      tableName: 'transfer-watch-table',
      alertsTopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
      config: { feeds: [{ url: 'https://a.example/rss', outlet: 'A' }] },
    });
  });

  it('names every missing or wrong variable', () => {
    expect(() => loadPollerSettings({ ...env, TABLE_NAME: undefined, OPS_TOPIC_ARN: 'ops' })).toThrow(
      /invalid configuration in environment: TABLE_NAME: .*; OPS_TOPIC_ARN: /,
    );
  });

  it('names the file and a wrong value inside it', () => {
    const wrong = file(JSON.stringify({ feeds: [{ url: 'file:///etc/passwd' }] }));
    expect(() => loadPollerSettings({ ...env, TRANSFER_WATCH_CONFIG_FILE: wrong })).toThrow(
      `invalid configuration in ${wrong}: feeds.0.url: must be an http or https URL`,
    );
  });

  it('says which file it could not find', () => {
    expect(() => loadPollerSettings({ ...env, TRANSFER_WATCH_CONFIG_FILE: 'missing.json' })).toThrow(
      `cannot read configuration file ${join(folder, 'missing.json')}`,
    );
  });
});

describe('the deployed query settings', () => {
  const required = {
    TABLE_NAME: 'transfer-watch-table',
    CURSOR_KEY_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:QueryCursorKey-AbCdEf',
  };

  it('need only the table and the secret of the cursor key, and then let no other origin read the API', () => {
    expect(loadQuerySettings(required)).toEqual({
      tableName: 'transfer-watch-table',
      corsOrigins: [],
      cursorKeySecretArn: required.CURSOR_KEY_SECRET_ARN,
    });
  });

  it('read the origins that may read the API from CORS_ORIGINS, separated by commas', () => {
    expect(loadQuerySettings({ ...required, CORS_ORIGINS: 'https://a.example, http://localhost:5173' })).toMatchObject({
      tableName: 'transfer-watch-table',
      corsOrigins: ['https://a.example', 'http://localhost:5173'],
    });
  });

  it('name an origin given with a path', () => {
    expect(() => loadQuerySettings({ ...required, CORS_ORIGINS: '*,https://a.example/app' })).toThrow(
      'invalid configuration in environment: CORS_ORIGINS.1: must be an origin like https://example.org (no path, no trailing slash), or *',
    );
  });

  it('name a missing table', () => {
    expect(() => loadQuerySettings({ CURSOR_KEY_SECRET_ARN: required.CURSOR_KEY_SECRET_ARN })).toThrow(
      'invalid configuration in environment: TABLE_NAME: ',
    );
  });

  it('name a missing secret, or one given by name instead of ARN', () => {
    expect(() => loadQuerySettings({ TABLE_NAME: 'transfer-watch-table' })).toThrow(
      'invalid configuration in environment: CURSOR_KEY_SECRET_ARN: ',
    );
    expect(() => loadQuerySettings({ ...required, CURSOR_KEY_SECRET_ARN: 'QueryCursorKey' })).toThrow(
      'invalid configuration in environment: CURSOR_KEY_SECRET_ARN: ',
    );
  });
});
