/**
 * The stack deployed end to end on an AWS emulator: the synthesized template created through moto's
 * CloudFormation with the bundles uploaded to its S3, then the shipped poller bundle run in-process
 * with exactly the environment the stack gave its function, against feeds served on 127.0.0.1.
 */
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  waitUntilStackCreateComplete,
} from '@aws-sdk/client-cloudformation';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { CreateSecretCommand, GetRandomPasswordCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { filterPolicyOf } from '../../lambdas/adapters/publish/sns-filter-policy.js';
import { fitsOneSms } from '../../lambdas/core/alert/sms-encoding.js';
import { serveFeedSnapshots, type SnapshotServer } from '../../scripts/feed-snapshot-server.js';
import { uploadFunctionAssets, type UploadedAsset } from '../support/cdk-assets.js';
import { MOTO_SETUP_TIMEOUT_MS, startMotoServer, type MotoServer } from '../support/moto-server.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { createQueue, drainQueue, type SqsQueue } from '../support/sqs-over-http.js';
import { synthStack, type SynthesizedStack } from '../support/synth-stack.js';

const SNAPSHOTS = join(import.meta.dirname, '..', '..', 'demo', 'feeds');
const STACK = 'TransferWatchE2e';
const pseudo = { account: '123456789012', region: 'us-east-1' };
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Resource types moto's CloudFormation does not implement: it skips them, and the test says which. */
const NOT_EMULATED = [
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::Stage',
  'AWS::CloudWatch::Alarm',
  'AWS::Lambda::EventInvokeConfig',
  'AWS::SNS::Subscription',
  'AWS::SNS::TopicPolicy',
  'AWS::SQS::QueuePolicy',
  // Made by the test instead: see withSecretsMade.
  'AWS::SecretsManager::Secret',
];

type Handler = (event: unknown, context: { awsRequestId: string; getRemainingTimeInMillis(): number }) => Promise<unknown>;

let moto: MotoServer;
let proxy: RecordingProxy;
let feeds: SnapshotServer;
let synthesized: SynthesizedStack;
let assets: UploadedAsset[];
let outputs: Record<string, string>;
let detaineesOnly: SqsQueue;
let everything: SqsQueue;
let handler: Handler;

const client = <T>(Client: new (config: object) => T) => new Client({ endpoint: moto.endpoint, region: pseudo.region, credentials });

/**
 * moto's CloudFormation skips AWS::SecretsManager::Secret and resolves a Ref to it as nothing,
 * which its IAM then refuses in the query role's policy. So the test makes each secret the
 * template asks for in moto's Secrets Manager, generated as the template says, and deploys the
 * template with that secret's ARN wherever it refers to the secret.
 */
async function withSecretsMade(template: Record<string, unknown>): Promise<Record<string, unknown>> {
  const secrets = client(SecretsManagerClient);
  const arns = new Map<string, string>();
  for (const [logicalId, resource] of Object.entries(template.Resources as Record<string, { Type: string; Properties: object }>)) {
    if (resource.Type !== 'AWS::SecretsManager::Secret') continue;
    const { GenerateSecretString: generate } = resource.Properties as {
      GenerateSecretString: { PasswordLength: number; ExcludePunctuation: boolean };
    };
    const { RandomPassword } = await secrets.send(
      new GetRandomPasswordCommand({ PasswordLength: generate.PasswordLength, ExcludePunctuation: generate.ExcludePunctuation }),
    );
    const { ARN } = await secrets.send(new CreateSecretCommand({ Name: `${STACK}-${logicalId}`, SecretString: RandomPassword }));
    arns.set(logicalId, ARN!);
  }
  secrets.destroy();
  return JSON.parse(JSON.stringify(template), (_key, value: unknown) => {
    const ref = typeof value === 'object' && value !== null && 'Ref' in value ? arns.get(String(value.Ref)) : undefined;
    return ref ?? value;
  }) as Record<string, unknown>;
}

/** The environment Lambda would give the function: what the stack set, read back from the emulator's Lambda. */
async function functionEnvironment(name: string): Promise<Record<string, string>> {
  const response = await fetch(`${moto.endpoint}/2015-03-31/functions/${name}/configuration`, {
    headers: {
      authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=unsigned',
    },
  });
  if (!response.ok) throw new Error(`GetFunctionConfiguration failed with HTTP ${response.status}`);
  return ((await response.json()) as { Environment: { Variables: Record<string, string> } }).Environment.Variables;
}

/** The name the emulator gave a resource of the stack, found by type and logical id. */
async function physicalId(type: string, logicalPrefix: string): Promise<string> {
  const cloudFormation = client(CloudFormationClient);
  const { StackResourceSummaries = [] } = await cloudFormation.send(new ListStackResourcesCommand({ StackName: STACK }));
  cloudFormation.destroy();
  return StackResourceSummaries.find((resource) => resource.ResourceType === type && resource.LogicalResourceId?.startsWith(logicalPrefix))!
    .PhysicalResourceId!;
}

async function subscribeQueue(topicArn: string, queue: SqsQueue, filter?: Parameters<typeof filterPolicyOf>[0]): Promise<void> {
  const sns = client(SNSClient);
  const policy = filterPolicyOf(filter);
  await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: queue.arn,
      Attributes: {
        RawMessageDelivery: 'true',
        ...(policy ? { FilterPolicy: JSON.stringify(policy), FilterPolicyScope: 'MessageAttributes' } : {}),
      },
    }),
  );
  sns.destroy();
}

async function tableItems(): Promise<Array<{ pk: string; sk: string; doc?: unknown }>> {
  const dynamo = client(DynamoDBClient);
  const { Items = [] } = await dynamo.send(new ScanCommand({ TableName: outputs.TableName }));
  dynamo.destroy();
  return Items.map((item) => ({ pk: item.pk!.S!, sk: item.sk!.S!, ...(item.doc?.S ? { doc: JSON.parse(item.doc.S) } : {}) }));
}

/** The SMS text of every alert the poller published to SNS, from the requests it sent. */
function publishedSmsBodies(): string[] {
  return proxy.requests
    .map((request) =>
      request.body.startsWith('{')
        ? (JSON.parse(request.body) as { Message?: string }).Message
        : new URLSearchParams(request.body).get('Message'),
    )
    .filter((message): message is string => typeof message === 'string' && message.startsWith('{'))
    .map((message) => (JSON.parse(message) as { sms?: string }).sms)
    .filter((sms): sms is string => sms !== undefined);
}

beforeAll(async () => {
  moto = await startMotoServer();
  proxy = await startRecordingProxy(moto.endpoint);
  feeds = await serveFeedSnapshots(join(SNAPSHOTS, 'step-1'));
  synthesized = synthStack(
    {
      feeds: [
        { url: feeds.url('wire.xml'), outlet: 'Levant Wire' },
        { url: feeds.url('daily.xml'), outlet: 'The Gulf Daily' },
      ],
      fetch: { allowPrivateHosts: true, hostSpacingMs: 0 },
      readLinkedPages: false,
      subscriptions: [{ email: 'desk@example.org', filter: { metrics: ['detainees_transferred'] } }],
    },
    { stackName: STACK, bootstrapRule: false },
  );
  assets = await uploadFunctionAssets(moto.endpoint, synthesized.outdir, synthesized.templateJson, pseudo);
  const cloudFormation = client(CloudFormationClient);
  const deployed = await withSecretsMade(synthesized.templateJson);
  await cloudFormation.send(
    new CreateStackCommand({ StackName: STACK, TemplateBody: JSON.stringify(deployed), Capabilities: ['CAPABILITY_IAM'] }),
  );
  await waitUntilStackCreateComplete({ client: cloudFormation, maxWaitTime: 120, minDelay: 1, maxDelay: 2 }, { StackName: STACK });
  const { Stacks = [] } = await cloudFormation.send(new DescribeStacksCommand({ StackName: STACK }));
  outputs = Object.fromEntries((Stacks[0]?.Outputs ?? []).map((output) => [output.OutputKey!, output.OutputValue!]));
  cloudFormation.destroy();

  detaineesOnly = await createQueue(moto.endpoint, 'detainees-transferred-only');
  everything = await createQueue(moto.endpoint, 'every-alert');
  await subscribeQueue(outputs.AlertsTopicArn!, detaineesOnly, { metrics: ['detainees_transferred'] });
  await subscribeQueue(outputs.AlertsTopicArn!, everything);

  const environment = await functionEnvironment(outputs.PollerFunctionName!);
  const poller = assets.find((asset) => asset.logicalId.startsWith('PollerFunction'))!;
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  vi.stubEnv('LAMBDA_TASK_ROOT', poller.folder);
  vi.stubEnv('AWS_ENDPOINT_URL', proxy.endpoint);
  vi.stubEnv('AWS_REGION', pseudo.region);
  vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
  // Lambda runs Node 22; the bundled SDK warns on the Node 20 that runs the tests.
  vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
  ({ handler } = (await import(pathToFileURL(join(poller.folder, 'index.mjs')).href)) as { handler: Handler });
}, MOTO_SETUP_TIMEOUT_MS);

afterAll(async () => {
  vi.unstubAllEnvs();
  await feeds?.close();
  await proxy?.close();
  await moto?.stop();
});

const context = (id: string) => ({ awsRequestId: id, getRemainingTimeInMillis: () => 85_000 });

describe('the stack on the emulator', () => {
  it('creates every resource of the template the emulator implements, and only those it does not are missing', async () => {
    const cloudFormation = client(CloudFormationClient);
    const { StackResourceSummaries = [] } = await cloudFormation.send(new ListStackResourcesCommand({ StackName: STACK }));
    cloudFormation.destroy();
    const created = new Set(StackResourceSummaries.map((resource) => resource.ResourceType));
    const inTemplate = new Set(
      Object.values(synthesized.templateJson.Resources as Record<string, { Type: string }>).map((resource) => resource.Type),
    );
    expect([...inTemplate].filter((type) => !created.has(type)).sort()).toEqual(NOT_EMULATED);
  });

  it('names the table and both topics in its outputs', () => {
    expect(outputs).toMatchObject({
      TableName: expect.stringMatching(/^TransferWatchE2e-/),
      AlertsTopicArn: expect.stringMatching(/^arn:aws:sns:us-east-1:123456789012:/),
      OpsTopicArn: expect.stringMatching(/^arn:aws:sns:us-east-1:123456789012:/),
    });
  });
});

describe('the shipped poller, run with the environment the stack gave it', () => {
  it('polls the feeds, stores the figures and the run in the stack’s table, and leaves no lease behind', async () => {
    expect(await handler({}, context('run-1'))).toEqual({ feeds: 2, failed: 0, sent: 2, unsent: 0 });
    const items = await tableItems();
    expect(
      items
        .filter((item) => item.pk === 'SERIES')
        .map((item) => item.sk)
        .sort(),
    ).toEqual(['detainees_transferred', 'transfer_planned']);
    expect(items.filter((item) => item.pk === 'ALERT').map((item) => (item.doc as { sentAt?: string }).sentAt)).toEqual([
      expect.any(String),
      expect.any(String),
    ]);
    expect(items.filter((item) => item.pk === 'RUN').map((item) => (item.doc as { id: string; figures: number }).id)).toEqual(['run-1']);
    expect(items.filter((item) => item.pk === 'LEASE')).toEqual([]);
  });

  it('delivers to a queue filtered to detainees_transferred exactly those alerts, and every alert to an unfiltered one', async () => {
    const read = async (queue: SqsQueue) =>
      (await drainQueue(moto.endpoint, queue))
        .map((body) => JSON.parse(body) as { type: string; metric: string; current: { value: number; outlet: string; link: string } })
        .map(({ type, metric, current }) => `${type} ${metric} ${current.value}`)
        .sort();
    expect(await read(detaineesOnly)).toEqual(['new detainees_transferred 150']);
    expect(await read(everything)).toEqual(['new detainees_transferred 150', 'new transfer_planned 7000']);
  });

  it('published an SMS body for every alert, each within one message', () => {
    const bodies = publishedSmsBodies();
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(fitsOneSms(body), body).toBe(true);
  });

  it('writes no alert and delivers nothing when run again with nothing new', async () => {
    expect(await handler({}, context('run-2'))).toEqual({ feeds: 2, failed: 0, sent: 0, unsent: 0 });
    expect(await drainQueue(moto.endpoint, everything)).toEqual([]);
    const items = await tableItems();
    expect(items.filter((item) => item.pk === 'ALERT')).toHaveLength(2);
    expect(
      items
        .filter((item) => item.pk === 'RUN')
        .map((item) => (item.doc as { id: string }).id)
        .sort(),
    ).toEqual(['run-1', 'run-2']);
  });
});

describe('the shipped query function, run with the environment the stack gave it', () => {
  type QueryHandler = (event: object) => Promise<{ statusCode: number; body: string }>;
  let answer: QueryHandler;

  /** What API Gateway sends for a GET of `rawPath` and its raw query string. */
  const get = (rawPath: string, rawQueryString = '') =>
    answer({ version: '2.0', rawPath, rawQueryString, requestContext: { http: { method: 'GET', path: rawPath } } });

  beforeAll(async () => {
    const query = assets.find((asset) => asset.logicalId.startsWith('QueryFunction'))!;
    for (const [name, value] of Object.entries(await functionEnvironment(await physicalId('AWS::Lambda::Function', 'QueryFunction'))))
      vi.stubEnv(name, value);
    vi.stubEnv('LAMBDA_TASK_ROOT', query.folder);
    // Its cold start reads the cursor key from the secret the stack names, through the recording proxy.
    ({ handler: answer } = (await import(pathToFileURL(join(query.folder, 'index.mjs')).href)) as { handler: QueryHandler });
  });

  it('answers GET /series from the table the poller wrote', async () => {
    const response = await get('/series');
    expect(response.statusCode).toBe(200);
    // Both feeds carry the story; which outlet's copy was read first depends on which answered first.
    const { series } = JSON.parse(response.body) as { series: Array<{ metric: string; current: { value: number }; outlets: string[] }> };
    expect(series.map(({ metric, current, outlets }) => `${metric} ${current.value} from ${[...outlets].sort().join(' and ')}`)).toEqual([
      'detainees_transferred 150 from Levant Wire and The Gulf Daily',
      'transfer_planned 7000 from Levant Wire and The Gulf Daily',
    ]);
  });

  it('read its cursor key once, from the stack’s secret, and resumes /changes from the cursor it signed with it', async () => {
    const reads = proxy.requests.filter((request) => request.target === 'secretsmanager.GetSecretValue');
    expect(reads).toHaveLength(1);
    const first = JSON.parse((await get('/changes', 'limit=1')).body) as { changes: unknown[]; next: string };
    const rest = await get('/changes', `cursor=${first.next}`);
    expect([first.changes.length, rest.statusCode, (JSON.parse(rest.body) as { changes: unknown[] }).changes.length]).toEqual([1, 200, 1]);
  });
});
