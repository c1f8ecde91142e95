/**
 * The query function behind an HTTP API: IAM-authorised (callers sign with SigV4), throttled,
 * with access logs; the function may only read the table and the key it signs cursors with.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { addressMaskingPolicy } from './address-masking.js';
import { BundledFunction } from './bundled-function.js';

/** The query function reads with these and nothing else. */
export const QUERY_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query'];

/** Letters and digits only, so the key is the same bytes however a tool prints or copies it: some 380 bits. */
export const CURSOR_KEY_LENGTH = 64;

/** Requests a second, and a burst above it: enough for a dashboard and scripts, a ceiling on a runaway one. */
export const API_THROTTLE = { rateLimit: 20, burstLimit: 40 };

export interface QueryApiProps {
  table: ITable;
  /** Origins whose pages may read the API from a browser. */
  corsOrigins: string[];
}

export class QueryApi extends Construct {
  readonly api: IHttpApi;
  readonly stage: HttpStage;
  readonly bundled: BundledFunction;
  readonly cursorKey: Secret;

  constructor(scope: Construct, id: string, props: QueryApiProps) {
    super(scope, id);
    this.cursorKey = new Secret(this, 'CursorKey', {
      description: 'transfer-watch query API: the HMAC key that signs the cursors of /changes',
      generateSecretString: { passwordLength: CURSOR_KEY_LENGTH, excludePunctuation: true },
      // It signs nothing that outlives the stack: a new stack, a new key.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.cursorKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret is the HMAC key of /changes page cursors, not a credential: leaked, it lets a caller forge only a position in a list it may read anyway. ' +
        'Rotating it would need a rotation function and verification against AWSPREVIOUS too, since warm functions keep the key read at cold start.',
    });
    this.bundled = new BundledFunction(this, 'Function', {
      entry: 'lambdas/query/handler.ts',
      description: 'transfer-watch query API: reads the stored series, changes, feed health and runs',
      // A page of a hundred items is a few hundred KB of JSON; the cold start, not the memory, dominates.
      memorySize: 256,
      timeout: Duration.seconds(10),
      environment: {
        TABLE_NAME: props.table.tableName,
        CURSOR_KEY_SECRET_ARN: this.cursorKey.secretArn,
        POWERTOOLS_SERVICE_NAME: 'transfer-watch-query',
        ...(props.corsOrigins.length > 0 ? { CORS_ORIGINS: props.corsOrigins.join(',') } : {}),
      },
    });
    this.bundled.role.addToPolicy(new PolicyStatement({ actions: QUERY_TABLE_ACTIONS, resources: [props.table.tableArn] }));
    this.cursorKey.grantRead(this.bundled.role);

    const api = new HttpApi(this, 'Api', {
      description: 'transfer-watch: the stored figures, their history and sources',
      defaultAuthorizer: new HttpIamAuthorizer(),
      createDefaultStage: false,
      // A browser's preflight carries no signature, so API Gateway answers it before the authoriser.
      ...(props.corsOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: props.corsOrigins,
              allowMethods: [CorsHttpMethod.GET],
              allowHeaders: ['authorization', 'content-type', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'],
              maxAge: Duration.hours(2),
            },
          }
        : {}),
    });
    const integration = new HttpLambdaIntegration('Query', this.bundled.function);
    // The dashboard at the root, the JSON routes below it.
    api.addRoutes({ path: '/', methods: [HttpMethod.GET], integration });
    api.addRoutes({ path: '/{proxy+}', methods: [HttpMethod.GET], integration });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
      dataProtectionPolicy: addressMaskingPolicy(),
    });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: api,
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });
    this.api = api;
  }

  /** The base URL, ending in a slash. */
  get url(): string {
    return this.stage.url;
  }
}
