/**
 * The query function behind an HTTP API: IAM-authorised (callers sign with SigV4), throttled,
 * with access logs; the function may only read the table.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BundledFunction } from './bundled-function.js';

/** The query function reads with these and nothing else. */
export const QUERY_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query'];

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

  constructor(scope: Construct, id: string, props: QueryApiProps) {
    super(scope, id);
    this.bundled = new BundledFunction(this, 'Function', {
      entry: 'lambdas/query/handler.ts',
      description: 'transfer-watch query API: reads the stored series, changes, feed health and runs',
      // A page of a hundred items is a few hundred KB of JSON; the cold start, not the memory, dominates.
      memorySize: 256,
      timeout: Duration.seconds(10),
      environment: {
        TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: 'transfer-watch-query',
        ...(props.corsOrigins.length > 0 ? { CORS_ORIGINS: props.corsOrigins.join(',') } : {}),
      },
    });
    this.bundled.role.addToPolicy(new PolicyStatement({ actions: QUERY_TABLE_ACTIONS, resources: [props.table.tableArn] }));

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
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
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
