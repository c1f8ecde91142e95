import { afterEach, describe, expect, it, vi } from 'vitest';
import { createObservability } from '../../lambdas/adapters/observability/observability.js';
import { redactAddresses } from '../../lambdas/adapters/observability/redact.js';

describe('redacting addresses', () => {
  it('hides email addresses, plain and international', () => {
    expect(redactAddresses('bounced: desk@example.org and rédaction@presse.example.fr')).toBe(
      'bounced: [email redacted] and [email redacted]',
    );
  });

  it('hides phone numbers in E.164 form and as people write them', () => {
    expect(redactAddresses('sms to +447700900123 failed; also +1 (202) 555-0143 and +33 6 12 34 56 78')).toBe(
      'sms to [phone redacted] failed; also [phone redacted] and [phone redacted]',
    );
  });

  it('leaves figures, dates, times and feed addresses alone', () => {
    const text = 'moved +150 detainees on 2026-01-21T09:30:00Z; https://levantwire.example/rss?page=2; up 2,250 (+12.5%)';
    expect(redactAddresses(text)).toBe(text);
  });
});

describe('the deployed functions’ logger', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('writes no address, in the message, in a key or in an error', () => {
    vi.stubEnv('POWERTOOLS_DEV', '');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    const lines: string[] = [];
    // Errors go to standard error, as Lambda's own console does.
    for (const stream of [process.stdout, process.stderr])
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        lines.push(String(chunk));
        return true;
      });
    const { logger } = createObservability('transfer-watch-test');
    logger.error('alert not sent to desk@example.org', {
      subscriber: { sms: '+447700900123' },
      error: new Error('Invalid parameter: PhoneNumber +447700900123'),
    });
    const written = lines.join('');
    expect(written).toContain('alert not sent to [email redacted]');
    expect(written).not.toContain('desk@example.org');
    expect(written).not.toContain('447700900123');
  });
});
