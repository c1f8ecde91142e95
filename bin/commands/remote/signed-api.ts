import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { z } from 'zod';
import { defaultRegion, regionOfApiUrl } from './region.js';

type Credentials = ConstructorParameters<typeof SignatureV4>[0]['credentials'];

export interface SignedApiOptions {
  /** The API's base URL, stage path included when there is one. */
  baseUrl: string;
  /** Used when the URL names no region (a custom domain, a local server); the SDK's default otherwise. */
  region?: string;
  /** The SDK's default chain (environment, profile, SSO, instance role) unless given. */
  credentials?: Credentials;
  timeoutMs?: number;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface SignedApi {
  /**
   * GETs `path` (segments already encoded) with `query`; returns the JSON answer once `answer`
   * accepts it. Any zod schema will do: the API's own answer schemas are zod's mini build.
   */
  get<T>(path: string, answer: z.core.$ZodType<T>, query?: Record<string, string | undefined>): Promise<T>;
}

/** The API is IAM-authorised: every request carries a SigV4 signature for execute-api. */
export async function createSignedApi({
  baseUrl,
  region,
  credentials = defaultProvider(),
  timeoutMs = 30_000,
}: SignedApiOptions): Promise<SignedApi> {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  // API Gateway checks the signature against the region it runs in, which its host names.
  const signingRegion = regionOfApiUrl(base.href) ?? region ?? (await defaultRegion());
  const signer = new SignatureV4({ service: 'execute-api', region: signingRegion, credentials, sha256: Sha256 });
  return {
    async get<T>(path: string, answer: z.core.$ZodType<T>, query: Record<string, string | undefined> = {}): Promise<T> {
      const url = new URL(path.replace(/^\//, ''), base);
      const given = Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
      url.search = Object.entries(given)
        .map(([name, value]) => `${escape(name)}=${escape(value)}`)
        .join('&');
      const signed = await signer.sign({
        method: 'GET',
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname,
        query: given,
        // fetch sends this Host itself; it must be the one signed.
        headers: { host: url.host },
      });
      const { host: _host, ...headers } = signed.headers;
      const response = await fetch(url, { headers: { ...headers, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
      const text = await response.text();
      const request = `GET ${url.pathname}${url.search}`;
      if (!response.ok) throw new ApiError(`${request} answered ${reason(response.status, text)}`, response.status);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ApiError(`${request} answered HTTP ${response.status} with no JSON: ${text.slice(0, 200)}`, response.status);
      }
      const checked = z.safeParse(answer, body);
      if (!checked.success) {
        const problems = checked.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
        throw new ApiError(
          `${request} answered what this CLI does not read (${problems}): are the CLI and the stack the same version?`,
          response.status,
        );
      }
      return checked.data;
    },
  };
}

/** Query values escaped as SigV4 escapes them, so the query sent is the query signed. */
function escape(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function reason(status: number, body: string): string {
  let message: string | undefined;
  try {
    // The API says {error}; API Gateway itself, refusing a request before it, says {message}.
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    message = typeof parsed.error === 'string' ? parsed.error : typeof parsed.message === 'string' ? parsed.message : undefined;
  } catch {
    message = body.trim().slice(0, 200) || undefined;
  }
  const hint = status === 403 ? ' (are these AWS credentials allowed execute-api:Invoke on this API, and is the region right?)' : '';
  return `HTTP ${status}${message ? `: ${message}` : ''}${hint}`;
}
