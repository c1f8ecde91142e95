/**
 * The synthesized template, as CloudFormation would receive it: every resource the stack must
 * have, least-privilege IAM, encryption, the schedule, and subscribers' filter policies.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLLER_TABLE_ACTIONS } from '../../lib/constructs/polling-function.js';
import { QUERY_TABLE_ACTIONS } from '../../lib/constructs/query-api.js';
import { synthStack } from '../support/synth-stack.js';
import { actionsOf, readTemplate, type ReadTemplate, type Resources } from '../support/template-resources.js';

const CONFIG = {
  feeds: [
    { url: 'https://wire.example/world/rss', outlet: 'Levant Wire' },
    { url: 'https://daily.example/feed', outlet: 'The Gulf Daily' },
  ],
  schedule: { everyMinutes: 10 },
  subscriptions: [
    { email: 'desk@example.org', filter: { metrics: ['detainees_transferred'] } },
    { sms: '+447700900123', filter: { changes: ['increase', 'conflict'], minMagnitude: 100 } },
  ],
  operators: [{ email: 'ops@example.org' }],
};

let template: Template;
let resources: Resources;
let logicalId: ReadTemplate['logicalId'];
let statementsOf: ReadTemplate['statementsOf'];

beforeAll(() => {
  ({ template, resources, logicalId, statementsOf } = readTemplate(synthStack(CONFIG).templateJson));
}, 120_000);

describe('the table', () => {
  it('is on demand, encrypted, recoverable to a point in time, expires what has a TTL, and outlives the stack', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      },
    });
  });
});

describe('the topics', () => {
  it('are two, both encrypted with the stack’s rotating key', () => {
    const key = logicalId('AWS::KMS::Key', 'TopicsKey');
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.resourceCountIs('AWS::SNS::Topic', 2);
    template.allResourcesProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [key, 'Arn'] } });
  });

  it('refuse every request not made over TLS', () => {
    for (const topic of ['TopicsAlerts', 'TopicsOps']) {
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: logicalId('AWS::SNS::Topic', topic) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('turn each subscriber’s filter into an SNS filter policy on the message attributes', () => {
    const alerts = { Ref: logicalId('AWS::SNS::Topic', 'TopicsAlerts') };
    template.hasResourceProperties('AWS::SNS::Subscription', {
      TopicArn: alerts,
      Protocol: 'email',
      Endpoint: 'desk@example.org',
      FilterPolicyScope: 'MessageAttributes',
      FilterPolicy: { metric: ['detainees_transferred'] },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      TopicArn: alerts,
      Protocol: 'sms',
      Endpoint: '+447700900123',
      FilterPolicyScope: 'MessageAttributes',
      FilterPolicy: { change: ['increase', 'conflict'], magnitude: [{ numeric: ['>=', 100] }] },
    });
  });

  it('send operators the ops topic, unfiltered', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      TopicArn: { Ref: logicalId('AWS::SNS::Topic', 'TopicsOps') },
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      FilterPolicy: Match.absent(),
    });
    template.resourceCountIs('AWS::SNS::Subscription', 3);
  });
});

describe('the poller', () => {
  it('runs bundled on nodejs22.x and arm64, sized from the benchmark, told its table, topics and configuration file', () => {
    const poller = resources[logicalId('AWS::Lambda::Function', 'PollerFunction')]!.Properties!;
    expect(poller).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 512,
      // 60 s for the store and publishing, then one round of 2 feeds at 15 s, doubled for linked pages.
      Timeout: 90,
    });
    expect(Object.keys((poller.Environment as { Variables: object }).Variables).sort()).toEqual([
      'ALERTS_TOPIC_ARN',
      'NODE_ENV',
      'OPS_TOPIC_ARN',
      'POWERTOOLS_SERVICE_NAME',
      'TABLE_NAME',
      'TRANSFER_WATCH_CONFIG_FILE',
    ]);
  });

  it('is run by EventBridge at the configured rate', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(10 minutes)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId('AWS::Lambda::Function', 'PollerFunction'), 'Arn'] } })],
    });
  });

  it('sends the event of a failed run to a queue, without retrying it', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 0,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId('AWS::SQS::Queue', 'PollerFailures'), 'Arn'] } } },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
  });

  it('may use its table, publish to its two topics with their key, write its logs and fill its failure queue, and nothing else', () => {
    const statements = statementsOf('PollerFunctionRole');
    const table = { 'Fn::GetAtt': [logicalId('AWS::DynamoDB::Table', 'Updates'), 'Arn'] };
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Allow', Action: POLLER_TABLE_ACTIONS, Resource: table }),
        expect.objectContaining({
          Action: 'sns:Publish',
          Resource: [{ Ref: logicalId('AWS::SNS::Topic', 'TopicsAlerts') }, { Ref: logicalId('AWS::SNS::Topic', 'TopicsOps') }],
        }),
        expect.objectContaining({ Action: ['kms:GenerateDataKey', 'kms:Decrypt'] }),
      ]),
    );
    expect(actionsOf(statements)).toEqual(
      [
        ...POLLER_TABLE_ACTIONS,
        'sns:Publish',
        'kms:GenerateDataKey',
        'kms:Decrypt',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'sqs:SendMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
      ].sort(),
    );
  });
});

describe('the query API', () => {
  it('answers GET requests signed with IAM credentials only, through the query function', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 2);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /', AuthorizationType: 'AWS_IAM' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /{proxy+}', AuthorizationType: 'AWS_IAM' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
  });

  it('lets no other origin’s page read it unless the configuration names one', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
    expect(resources[logicalId('AWS::Lambda::Function', 'QueryFunction')]!.Properties!.Environment).not.toHaveProperty(
      'Variables.CORS_ORIGINS',
    );
  });

  it('is throttled and keeps access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('has a function that may only read the table and its cursor key, and write its logs', () => {
    const statements = statementsOf('QueryFunctionRole');
    expect(actionsOf(statements)).toEqual(
      [
        ...QUERY_TABLE_ACTIONS,
        'secretsmanager:GetSecretValue',
        'secretsmanager:DescribeSecret',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ].sort(),
    );
    // The one secret it signs with, and no other.
    expect(statements.filter((statement) => JSON.stringify(statement.Action).includes('secretsmanager:'))).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: { Ref: logicalId('AWS::SecretsManager::Secret', 'QueryCursorKey') },
      }),
    ]);
    expect(template.findResources('AWS::Lambda::Function')).toHaveProperty(
      [logicalId('AWS::Lambda::Function', 'QueryFunction'), 'Properties', 'Runtime'],
      'nodejs22.x',
    );
  });

  it('signs its cursors with a key Secrets Manager generates, of which the function is told only where it is', () => {
    const secret = logicalId('AWS::SecretsManager::Secret', 'QueryCursorKey');
    expect(resources[secret]).toMatchObject({
      Properties: { GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true } },
      DeletionPolicy: 'Delete',
    });
    expect(resources[secret]!.Properties).not.toHaveProperty('SecretString');
    const { Variables } = resources[logicalId('AWS::Lambda::Function', 'QueryFunction')]!.Properties!.Environment as {
      Variables: Record<string, unknown>;
    };
    expect(Object.keys(Variables).sort()).toEqual(['CURSOR_KEY_SECRET_ARN', 'NODE_ENV', 'POWERTOOLS_SERVICE_NAME', 'TABLE_NAME']);
    expect(Variables.CURSOR_KEY_SECRET_ARN).toEqual({ Ref: secret });
  });

  it('gives its URL, the topics and the table as stack outputs', () => {
    expect(Object.keys(template.findOutputs('*')).sort()).toEqual([
      'AlertsTopicArn',
      'ApiUrl',
      'OpsTopicArn',
      'PollerFunctionName',
      'TableName',
    ]);
  });
});

describe('least privilege', () => {
  it('grants no wildcard action and no data action on a wildcard resource', () => {
    for (const [id, resource] of Object.entries(resources).filter(([, resource]) => resource.Type === 'AWS::IAM::Policy')) {
      for (const statement of (
        resource.Properties!.PolicyDocument as { Statement: Array<{ Action: string | string[]; Resource: unknown }> }
      ).Statement) {
        for (const action of [statement.Action].flat()) expect(action, `${id}: ${action}`).not.toContain('*');
        expect(JSON.stringify(statement.Resource), id).not.toBe('"*"');
      }
    }
  });
});

describe('alarms', () => {
  it('tell the ops topic of poller errors, throttles, runs near the timeout, failing feeds, failed runs and undelivered alerts', () => {
    const ops = { Ref: logicalId('AWS::SNS::Topic', 'TopicsOps') };
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
      (alarm) => alarm.Properties as { MetricName: string; Namespace: string; Threshold: number; AlarmActions: unknown[] },
    );
    expect(alarms.map((alarm) => `${alarm.Namespace} ${alarm.MetricName} >= ${alarm.Threshold}`).sort()).toEqual([
      'AWS/Lambda Duration >= 72000',
      'AWS/Lambda Errors >= 1',
      'AWS/Lambda Throttles >= 1',
      'AWS/SNS NumberOfNotificationsFailed >= 1',
      'AWS/SQS ApproximateNumberOfMessagesVisible >= 1',
      'TransferWatch FeedsFailed >= 1',
    ]);
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([ops]);
  });

  it('may use the topics’ key, so that they can publish to the encrypted ops topic', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'] }),
        ]),
      },
    });
  });
});

describe('logs', () => {
  it('are kept a month, for both functions and the API', () => {
    template.resourceCountIs('AWS::Logs::LogGroup', 3);
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('mask email addresses and phone numbers, in every log group', () => {
    for (const group of Object.values(template.findResources('AWS::Logs::LogGroup'))) {
      // Each identifier is an ARN joined from the partition and its name: the name ends it.
      const masked = JSON.stringify(group.Properties.DataProtectionPolicy.Statement[0].DataIdentifier);
      for (const name of ['EmailAddress', 'PhoneNumber-US', 'PhoneNumber-GB', 'PhoneNumber-FR'])
        expect(masked).toContain(`data-identifier/${name}"`);
    }
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged, and every acknowledgement gives its reason in the template', () => {
    const acknowledged = Object.values(resources).flatMap(
      (resource) =>
        ((resource.Metadata?.cdk_nag as { rules_to_suppress?: Array<{ id: string; reason: string }> }) ?? {}).rules_to_suppress ?? [],
    );
    expect([...new Set(acknowledged.map((rule) => rule.id))].sort()).toEqual(['AwsSolutions-L1', 'AwsSolutions-SMG4', 'AwsSolutions-SQS3']);
    for (const rule of acknowledged) expect(rule.reason.length).toBeGreaterThan(40);
  });
});

describe('a stack whose configuration names origins for the API', () => {
  it('answers their browsers’ preflights at API Gateway, and tells the query function who they are', () => {
    const { template: withCors, templateJson } = synthStack({ ...CONFIG, api: { corsOrigins: ['https://desk.example.org'] } });
    withCors.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowOrigins: ['https://desk.example.org'], AllowMethods: ['GET'], MaxAge: 7200 },
    });
    const functions = Object.entries(
      templateJson.Resources as Record<string, { Type: string; Properties: { Environment?: { Variables: object } } }>,
    );
    const query = functions.find(([id, resource]) => resource.Type === 'AWS::Lambda::Function' && id.startsWith('QueryFunction'))![1];
    expect(query.Properties.Environment!.Variables).toHaveProperty('CORS_ORIGINS', 'https://desk.example.org');
  }, 120_000);
});
