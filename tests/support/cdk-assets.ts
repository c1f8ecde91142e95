/**
 * What `cdk deploy` does with a function's bundle before CloudFormation sees the template: zips
 * the asset folder and puts it in the bootstrap bucket, here on an emulator's S3.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface FunctionCode {
  S3Bucket: { 'Fn::Sub': string } | string;
  S3Key: string;
}

export interface UploadedAsset {
  /** The function's logical id in the template. */
  logicalId: string;
  bucket: string;
  key: string;
  /** The unzipped bundle, as Lambda would unpack it into LAMBDA_TASK_ROOT. */
  folder: string;
}

/** moto routes a request by the service named in its credential scope, and checks no signature. */
const S3_AUTHORIZATION = 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=unsigned';

async function put(url: string, body?: Buffer): Promise<void> {
  const response = await fetch(url, { method: 'PUT', headers: { authorization: S3_AUTHORIZATION }, ...(body ? { body } : {}) });
  if (!response.ok && response.status !== 409)
    throw new Error(`S3 PUT ${url} failed with HTTP ${response.status}: ${await response.text()}`);
}

/** Uploads every function's bundle the template names, returning where each one went. */
export async function uploadFunctionAssets(
  endpoint: string,
  outdir: string,
  template: Record<string, unknown>,
  pseudo: { account: string; region: string },
): Promise<UploadedAsset[]> {
  const uploaded: UploadedAsset[] = [];
  const zips = mkdtempSync(join(tmpdir(), 'transfer-watch-assets-'));
  for (const [logicalId, resource] of Object.entries(
    template.Resources as Record<string, { Type: string; Properties: { Code?: FunctionCode } }>,
  )) {
    if (resource.Type !== 'AWS::Lambda::Function' || !resource.Properties.Code) continue;
    const { S3Bucket, S3Key } = resource.Properties.Code;
    const bucket = (typeof S3Bucket === 'string' ? S3Bucket : S3Bucket['Fn::Sub'])
      .replace('${AWS::AccountId}', pseudo.account)
      .replace('${AWS::Region}', pseudo.region);
    const folder = join(outdir, `asset.${S3Key.replace(/\.zip$/, '')}`);
    const zip = join(zips, S3Key);
    // Files at the top of the zip, as Lambda expects: index.mjs and what the bundling hook added.
    await run('python3', ['-m', 'zipfile', '-c', zip, ...readdirSync(folder).map((name) => join(folder, name))]);
    await put(`${endpoint}/${bucket}`);
    await put(`${endpoint}/${bucket}/${S3Key}`, readFileSync(zip));
    uploaded.push({ logicalId, bucket, key: S3Key, folder });
  }
  return uploaded;
}
