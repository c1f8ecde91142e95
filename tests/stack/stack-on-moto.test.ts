/**
 * The stack deployed end to end on an AWS emulator (tests/support/moto-deployment.ts), then the
 * shipped poller and query bundles run in-process with exactly the environment the stack gave
 * their functions, against feeds served on 127.0.0.1.
 */
import { CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFeedSnapshots, type SnapshotServer } from '../../scripts/feed-snapshot-server.js';
import { describeDeployedPolling } from '../support/deployed-polling.js';
import { SNAPSHOTS } from '../support/demo-story.js';
import { deployOnMoto, type MotoDeployment } from '../support/moto-deployment.js';
import { MOTO_SETUP_TIMEOUT_MS } from '../support/moto-server.js';

const STACK = 'TransferWatchE2e';

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
  // Made by the deployment instead: see withSecretsMade.
  'AWS::SecretsManager::Secret',
];

type PollerHandler = (event: unknown, context: { awsRequestId: string; getRemainingTimeInMillis(): number }) => Promise<unknown>;

let feeds: SnapshotServer;
let deployment: MotoDeployment;
let poller: PollerHandler;

beforeAll(async () => {
  feeds = await serveFeedSnapshots(join(SNAPSHOTS, 'step-1'));
  deployment = await deployOnMoto(
    {
      feeds: [
        { url: feeds.url('wire.xml'), outlet: 'Levant Wire' },
        { url: feeds.url('daily.xml'), outlet: 'The Gulf Daily' },
      ],
      fetch: { allowPrivateHosts: true, hostSpacingMs: 0 },
      readLinkedPages: false,
      subscriptions: [{ email: 'desk@example.org', filter: { metrics: ['detainees_transferred'] } }],
    },
    { stackName: STACK },
  );
  ({ handler: poller } = await deployment.importFunction<{ handler: PollerHandler }>('PollerFunction'));
}, MOTO_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await feeds?.close();
  await deployment?.close();
});

describe('the stack on the emulator', () => {
  it('creates every resource of the template the emulator implements, and only those it does not are missing', async () => {
    const cloudFormation = deployment.client(CloudFormationClient);
    const { StackResourceSummaries = [] } = await cloudFormation.send(new ListStackResourcesCommand({ StackName: STACK }));
    cloudFormation.destroy();
    const created = new Set(StackResourceSummaries.map((resource) => resource.ResourceType));
    const inTemplate = new Set(
      Object.values(deployment.synthesized.templateJson.Resources as Record<string, { Type: string }>).map((resource) => resource.Type),
    );
    expect([...inTemplate].filter((type) => !created.has(type)).sort()).toEqual(NOT_EMULATED);
  });

  it('names the table and both topics in its outputs', () => {
    expect(deployment.outputs).toMatchObject({
      TableName: expect.stringMatching(/^TransferWatchE2e-/),
      AlertsTopicArn: expect.stringMatching(/^arn:aws:sns:us-east-1:123456789012:/),
      OpsTopicArn: expect.stringMatching(/^arn:aws:sns:us-east-1:123456789012:/),
    });
  });
});

describe('the shipped poller, run with the environment the stack gave it', () => {
  describeDeployedPolling({
    deployment: () => deployment,
    tick: async (runId) => {
      await poller({}, { awsRequestId: runId, getRemainingTimeInMillis: () => 85_000 });
    },
    runIds: (runId) => [runId],
  });
});

describe('the shipped query function, run with the environment the stack gave it', () => {
  type QueryHandler = (event: object) => Promise<{ statusCode: number; body: string }>;
  let answer: QueryHandler;

  /** What API Gateway sends for a GET of `rawPath` and its raw query string. */
  const get = (rawPath: string, rawQueryString = '') =>
    answer({ version: '2.0', rawPath, rawQueryString, requestContext: { http: { method: 'GET', path: rawPath } } });

  beforeAll(async () => {
    // Its cold start reads the cursor key from the secret the stack names, through the recording proxy.
    ({ handler: answer } = await deployment.importFunction<{ handler: QueryHandler }>('QueryFunction'));
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
    const reads = deployment.proxy.requests.filter((request) => request.target === 'secretsmanager.GetSecretValue');
    expect(reads).toHaveLength(1);
    const first = JSON.parse((await get('/changes', 'limit=1')).body) as { changes: unknown[]; next: string };
    const rest = await get('/changes', `cursor=${first.next}`);
    expect([first.changes.length, rest.statusCode, (JSON.parse(rest.body) as { changes: unknown[] }).changes.length]).toEqual([1, 200, 1]);
  });
});
