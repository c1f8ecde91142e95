/**
 * The stack deployed on an AWS emulator as `cdk deploy` would: synthesized with the given
 * configuration, its bundles zipped into moto's S3, its template created through moto's
 * CloudFormation; then a shipped bundle imported in-process with exactly the environment the
 * stack gave its function. Requests from the bundles go through a recording proxy.
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
import { vi } from 'vitest';
import { filterPolicyOf } from '../../lambdas/adapters/publish/sns-filter-policy.js';
import { uploadFunctionAssets, type UploadedAsset } from './cdk-assets.js';
import { startMotoServer, type MotoServer } from './moto-server.js';
import { credentials, MOTO_ENV } from './moto-stack.js';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.js';
import type { SqsQueue } from './sqs-over-http.js';
import { synthStack, type SynthesizedStack } from './synth-stack.js';

export const PSEUDO = { account: '123456789012', region: MOTO_ENV.AWS_REGION };

export interface TableItem {
  pk: string;
  sk: string;
  doc?: unknown;
}

export interface MotoDeployment {
  moto: MotoServer;
  proxy: RecordingProxy;
  synthesized: SynthesizedStack;
  /** The template as deployed, after `adapt`. */
  deployed: Record<string, unknown>;
  outputs: Record<string, string>;
  client<T extends { destroy(): void }>(Client: new (config: object) => T): T;
  physicalId(type: string, logicalPrefix: string): Promise<string>;
  /** Imports a function's shipped bundle with the environment the emulator's Lambda reports for it. */
  importFunction<T>(logicalPrefix: string): Promise<T>;
  subscribeQueue(topicArn: string, queue: SqsQueue, filter?: Parameters<typeof filterPolicyOf>[0]): Promise<void>;
  tableItems(): Promise<TableItem[]>;
  /** The SMS text of every alert the functions published to SNS, from the requests they sent. */
  publishedSmsBodies(): string[];
  close(): Promise<void>;
}

export interface DeployOptions {
  stackName: string;
  /** What the test changes in the template before CloudFormation gets it, and says why. */
  adapt?: (template: Record<string, unknown>) => Record<string, unknown>;
}

export async function deployOnMoto(config: unknown, { stackName, adapt = (template) => template }: DeployOptions): Promise<MotoDeployment> {
  const moto = await startMotoServer();
  const proxy = await startRecordingProxy(moto.endpoint);
  const client = <T>(Client: new (config: object) => T) => new Client({ endpoint: moto.endpoint, region: PSEUDO.region, credentials });
  const synthesized = synthStack(config, { stackName, bootstrapRule: false });
  const assets = await uploadFunctionAssets(moto.endpoint, synthesized.outdir, synthesized.templateJson, PSEUDO);
  const deployed = adapt(await withSecretsMade(client(SecretsManagerClient), stackName, synthesized.templateJson));
  const cloudFormation = client(CloudFormationClient);
  await cloudFormation.send(
    new CreateStackCommand({ StackName: stackName, TemplateBody: JSON.stringify(deployed), Capabilities: ['CAPABILITY_IAM'] }),
  );
  await waitUntilStackCreateComplete({ client: cloudFormation, maxWaitTime: 120, minDelay: 1, maxDelay: 2 }, { StackName: stackName });
  const { Stacks = [] } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = Object.fromEntries((Stacks[0]?.Outputs ?? []).map((output) => [output.OutputKey!, output.OutputValue!]));
  cloudFormation.destroy();

  const physicalId = async (type: string, logicalPrefix: string) => {
    const stacks = client(CloudFormationClient);
    const { StackResourceSummaries = [] } = await stacks.send(new ListStackResourcesCommand({ StackName: stackName }));
    stacks.destroy();
    return StackResourceSummaries.find(
      (resource) => resource.ResourceType === type && resource.LogicalResourceId?.startsWith(logicalPrefix),
    )!.PhysicalResourceId!;
  };

  return {
    moto,
    proxy,
    synthesized,
    deployed,
    outputs,
    client: (Client) => client(Client),
    physicalId,
    async importFunction<T>(logicalPrefix: string) {
      const asset = assets.find((uploaded) => uploaded.logicalId.startsWith(logicalPrefix))!;
      const environment = await functionEnvironment(moto.endpoint, await physicalId('AWS::Lambda::Function', logicalPrefix));
      stubLambdaEnvironment(environment, asset, proxy.endpoint);
      return (await import(pathToFileURL(join(asset.folder, 'index.mjs')).href)) as T;
    },
    async subscribeQueue(topicArn, queue, filter) {
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
    },
    async tableItems() {
      const dynamo = client(DynamoDBClient);
      const { Items = [] } = await dynamo.send(new ScanCommand({ TableName: outputs.TableName }));
      dynamo.destroy();
      return Items.map((item) => ({ pk: item.pk!.S!, sk: item.sk!.S!, ...(item.doc?.S ? { doc: JSON.parse(item.doc.S) } : {}) }));
    },
    publishedSmsBodies: () =>
      proxy.requests
        .map((request) =>
          request.body.startsWith('{')
            ? (JSON.parse(request.body) as { Message?: string }).Message
            : new URLSearchParams(request.body).get('Message'),
        )
        .filter((message): message is string => typeof message === 'string' && message.startsWith('{'))
        .map((message) => (JSON.parse(message) as { sms?: string }).sms)
        .filter((sms): sms is string => sms !== undefined),
    async close() {
      vi.unstubAllEnvs();
      await proxy.close();
      await moto.stop();
    },
  };
}

/**
 * moto's CloudFormation skips AWS::SecretsManager::Secret and resolves a Ref to it as nothing,
 * which its IAM then refuses in the query role's policy. So each secret the template asks for is
 * made in moto's Secrets Manager, generated as the template says, and the template deployed with
 * that secret's ARN wherever it refers to the secret.
 */
async function withSecretsMade(
  secrets: SecretsManagerClient,
  stackName: string,
  template: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const arns = new Map<string, string>();
  for (const [logicalId, resource] of Object.entries(template.Resources as Record<string, { Type: string; Properties: object }>)) {
    if (resource.Type !== 'AWS::SecretsManager::Secret') continue;
    const { GenerateSecretString: generate } = resource.Properties as {
      GenerateSecretString: { PasswordLength: number; ExcludePunctuation: boolean };
    };
    const { RandomPassword } = await secrets.send(
      new GetRandomPasswordCommand({ PasswordLength: generate.PasswordLength, ExcludePunctuation: generate.ExcludePunctuation }),
    );
    const { ARN } = await secrets.send(new CreateSecretCommand({ Name: `${stackName}-${logicalId}`, SecretString: RandomPassword }));
    arns.set(logicalId, ARN!);
  }
  secrets.destroy();
  return JSON.parse(JSON.stringify(template), (_key, value: unknown) => {
    const ref = typeof value === 'object' && value !== null && 'Ref' in value ? arns.get(String(value.Ref)) : undefined;
    return ref ?? value;
  }) as Record<string, unknown>;
}

/** The environment Lambda would give the function: what the stack set, read back from the emulator's Lambda. */
async function functionEnvironment(endpoint: string, name: string): Promise<Record<string, string>> {
  const response = await fetch(`${endpoint}/2015-03-31/functions/${name}/configuration`, {
    headers: {
      authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=unsigned',
    },
  });
  if (!response.ok) throw new Error(`GetFunctionConfiguration failed with HTTP ${response.status}`);
  return ((await response.json()) as { Environment: { Variables: Record<string, string> } }).Environment.Variables;
}

/** What Lambda adds to the stack's variables, pointed at the emulator through the proxy. */
function stubLambdaEnvironment(environment: Record<string, string>, asset: UploadedAsset, endpoint: string): void {
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  vi.stubEnv('LAMBDA_TASK_ROOT', asset.folder);
  vi.stubEnv('AWS_ENDPOINT_URL', endpoint);
  vi.stubEnv('AWS_REGION', PSEUDO.region);
  vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
  // Lambda runs Node 22; the bundled SDK warns on the Node 20 that runs the tests.
  vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
}
