/**
 * Reading a stack's outputs, against a local server that answers DescribeStacks as CloudFormation
 * does (its XML, its ValidationError for a stack that does not exist).
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStackOutputs, StackNotFoundError, StackOutputError } from '../../bin/commands/remote/stack-outputs.js';

const NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

function stackXml(name: string, status: string, outputs: Record<string, string>): string {
  const members = Object.entries(outputs)
    .map(([key, value]) => `<member><OutputKey>${key}</OutputKey><OutputValue>${value}</OutputValue></member>`)
    .join('');
  return `<DescribeStacksResponse xmlns="${NAMESPACE}"><DescribeStacksResult><Stacks><member>
    <StackName>${name}</StackName>
    <StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/${name}/5b9e4c30-f93a-11f0-9d5e-0a1b2c3d4e5f</StackId>
    <StackStatus>${status}</StackStatus>
    <CreationTime>2026-01-20T10:00:00.000Z</CreationTime>
    <Outputs>${members}</Outputs>
  </member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>7d1f0c52-1a2b-4c3d-9e8f-0a1b2c3d4e5f</RequestId></ResponseMetadata></DescribeStacksResponse>`;
}

const STACKS: Record<string, string> = {
  TransferWatch: stackXml('TransferWatch', 'UPDATE_COMPLETE', {
    ApiUrl: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/',
    AlertsTopicArn: 'arn:aws:sns:eu-west-1:123456789012:TransferWatch-Alerts',
  }),
  Building: stackXml('Building', 'CREATE_IN_PROGRESS', {}),
  WebsiteStack: stackXml('WebsiteStack', 'CREATE_COMPLETE', { BucketName: 'my-site-bucket', DistributionId: 'E2QWRUHAPOMQZL' }),
};

let server: Server;
let client: CloudFormationClient;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const name = new URLSearchParams(body).get('StackName') ?? '';
      const found = STACKS[name];
      if (found) return response.writeHead(200, { 'content-type': 'text/xml' }).end(found);
      response
        .writeHead(400, { 'content-type': 'text/xml' })
        .end(
          `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ${name} does not exist</Message></Error><RequestId>8e2a1d63-2b3c-4d5e-8f90-1a2b3c4d5e6f</RequestId></ErrorResponse>`,
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  client = new CloudFormationClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(async () => {
  client.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the outputs of a stack', () => {
  it('gives each output by name, with the stack and its region', async () => {
    const outputs = await readStackOutputs('TransferWatch', { client });
    expect(outputs.get('ApiUrl')).toBe('https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/');
    expect(outputs.get('AlertsTopicArn')).toBe('arn:aws:sns:eu-west-1:123456789012:TransferWatch-Alerts');
    expect({ stack: outputs.stack, region: outputs.region }).toEqual({ stack: 'TransferWatch', region: 'eu-west-1' });
  });

  it('fails for a stack that does not exist, naming it and the region, and saying what to check', async () => {
    const reading = readStackOutputs('TransferWach', { client });
    await expect(reading).rejects.toBeInstanceOf(StackNotFoundError);
    await expect(reading).rejects.toThrow(
      /no stack named "TransferWach" in eu-west-1: check the name and the region \(--region or AWS_REGION\)/,
    );
  });

  it('fails for a missing output, naming the outputs the stack has and what to do', async () => {
    const outputs = await readStackOutputs('WebsiteStack', { client });
    expect(() => outputs.get('ApiUrl')).toThrow(StackOutputError);
    expect(() => outputs.get('ApiUrl')).toThrow(
      'stack "WebsiteStack" in eu-west-1 (CREATE_COMPLETE) has no output ApiUrl (its outputs are BucketName, DistributionId): is it a transfer-watch stack? Deploy this version of it (npx cdk deploy) and try again',
    );
  });

  it('says so when a stack still being created has no outputs yet', async () => {
    const outputs = await readStackOutputs('Building', { client });
    expect(() => outputs.get('AlertsTopicArn')).toThrow(/\(CREATE_IN_PROGRESS\) has no output AlertsTopicArn \(it has no outputs\)/);
  });
});
