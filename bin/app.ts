#!/usr/bin/env node
/**
 * The CDK app: `npx cdk deploy` builds the stack from a configuration file (`-c config=FILE`, else
 * the shipped one) and checks it against cdk-nag's AWS Solutions rules at synth.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../lambdas/adapters/config-file.js';
import { TransferWatchStack } from '../lib/transfer-watch-stack.js';

const app = new App();
const configFile = (app.node.tryGetContext('config') as string | undefined) ?? DEFAULT_CONFIG_FILE;
const stackName = (app.node.tryGetContext('stackName') as string | undefined) ?? 'TransferWatch';
new TransferWatchStack(app, stackName, {
  config: loadConfig({ file: configFile, env: {} }),
  description:
    'transfer-watch: follows the figures reported on the transfer of IS detainees from Syria to Iraq, and alerts when they change',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }));
