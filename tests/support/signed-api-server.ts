/**
 * A stand-in for the deployed query API on 127.0.0.1: it answers fixed JSON per path, and, as API
 * Gateway's IAM authorisation does, refuses with 403 any request whose SigV4 signature is not the
 * one the test credentials give for the request it received.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  body: unknown;
}

export interface SignedApiServer {
  url: string;
  /** Each request that passed the signature check, path and query as received. */
  received: string[];
  close(): Promise<void>;
}

export interface SignatureCheck {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** `answers` by path and query as received (`/runs?limit=2`); anything else is a 404 `{error}`. */
export async function serveSignedApi(answers: Record<string, Answer>, check: SignatureCheck): Promise<SignedApiServer> {
  const signer = new SignatureV4({ service: 'execute-api', region: check.region, credentials: check.credentials, sha256: Sha256 });
  const received: string[] = [];
  const server = createServer((request, response) => {
    const reply = ({ status, body }: Answer) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    isSigned(signer, request).then(
      (signed) => {
        if (!signed)
          return reply({
            status: 403,
            body: { message: 'The request signature we calculated does not match the signature you provided.' },
          });
        const target = request.url ?? '/';
        received.push(target);
        return reply(answers[target] ?? { status: 404, body: { error: `no such path: ${target}` } });
      },
      (error: Error) => reply({ status: 500, body: { error: error.message } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Signs again, with the test's credentials, the request as it arrived, and compares. */
async function isSigned(signer: SignatureV4, request: IncomingMessage): Promise<boolean> {
  const authorization = request.headers.authorization ?? '';
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const amzDate = request.headers['x-amz-date'];
  if (!signedHeaders.includes('host') || typeof amzDate !== 'string') return false;
  const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
  const expected = await signer.sign(
    {
      method: request.method ?? 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(signedHeaders.map((name) => [name, String(request.headers[name] ?? '')])),
    },
    { signingDate: fromAmzDate(amzDate) },
  );
  return expected.headers.authorization === authorization;
}

/** 20260122T061400Z */
function fromAmzDate(value: string): Date {
  return new Date(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
}
