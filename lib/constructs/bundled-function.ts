/**
 * A function of this project as Lambda runs it: TypeScript bundled by the locally installed
 * esbuild (never Docker) into one ES module, on arm64, with its own log group and a role that
 * starts empty, so every permission it has is one a construct granted on purpose.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions, type ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { addressMaskingPolicy } from './address-masking.js';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** The runtime the bundles are built for (esbuild's target follows it). */
export const FUNCTION_RUNTIME = Runtime.NODEJS_22_X;

/**
 * rss-parser and its XML parser are CommonJS and call require(); inside an ES module bundle
 * there is no require unless one is made.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** Packages a bundle takes from elsewhere: the SDK's credential chain, from the environment alone (see the module). */
export const BUNDLE_ALIASES: Record<string, string> = {
  '@aws-sdk/credential-provider-node': join(PROJECT_ROOT, 'lambdas', 'adapters', 'lambda-credentials.ts'),
};

/** What esbuild is told; exported so that bench/bundles.ts measures the bundles this stack ships. */
export const ESBUILD_OPTIONS = {
  format: OutputFormat.ESM,
  target: 'node22',
  platform: 'node',
  minify: true,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  // The SDK is bundled, not taken from the runtime: the versions tested are the versions run.
  externalModules: [],
  esbuildArgs: Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([from, to]) => [`--alias:${from}`, to])),
} as const satisfies BundlingOptions;

export interface BundledFunctionProps {
  /** The handler's source, relative to the project root. */
  entry: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  /** Files written into the bundle after esbuild, e.g. the configuration. */
  commandHooks?: ICommandHooks;
  logRetention?: RetentionDays;
}

export class BundledFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      dataProtectionPolicy: addressMaskingPolicy(),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, props.entry),
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      handler: 'handler',
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      environment: { NODE_ENV: 'production', ...props.environment },
      bundling: {
        ...ESBUILD_OPTIONS,
        forceDockerBundling: false,
        ...(props.commandHooks ? { commandHooks: props.commandHooks } : {}),
      },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is the runtime the bundles are built and tested for (esbuild target node22); a newer one is a deliberate, tested change.',
    });
  }
}
