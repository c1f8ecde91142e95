/**
 * Synthesizes the stack as `cdk synth` does (bundles built by the local esbuild, cdk-nag's AWS
 * Solutions checks run) into a folder a test can read: the template and the bundles beside it.
 */
import { App, DefaultStackSynthesizer, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../lambdas/core/config/config.js';
import { TransferWatchStack } from '../../lib/transfer-watch-stack.js';

export interface SynthesizedStack {
  template: Template;
  /** The template as CloudFormation reads it. */
  templateJson: Record<string, unknown>;
  /** Where the cloud assembly was written: the bundles are its `asset.<hash>` folders. */
  outdir: string;
}

export function synthStack(config: unknown, options: { stackName?: string; bootstrapRule?: boolean } = {}): SynthesizedStack {
  const outdir = mkdtempSync(join(tmpdir(), 'transfer-watch-cdk-'));
  const app = new App({ outdir });
  const stack = new TransferWatchStack(app, options.stackName ?? 'TransferWatchTest', {
    config: parseConfig(config, 'the test'),
    env: { account: '123456789012', region: 'us-east-1' },
    // An emulator has no bootstrap stack whose version a rule could check.
    synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: options.bootstrapRule ?? true }),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  const assembly = app.synth();
  const templateJson = assembly.getStackArtifact(stack.artifactId).template as Record<string, unknown>;
  return { template: Template.fromJSON(templateJson), templateJson, outdir };
}
