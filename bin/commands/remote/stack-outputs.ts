import { CloudFormationClient, CloudFormationServiceException, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { defaultRegion } from './region.js';

/** The outputs the transfer-watch stack declares. */
export type OutputName = 'ApiUrl' | 'AlertsTopicArn' | 'OpsTopicArn' | 'TableName';

export class StackNotFoundError extends Error {
  override name = 'StackNotFoundError';
}

export class StackOutputError extends Error {
  override name = 'StackOutputError';
}

export interface StackOutputs {
  stack: string;
  region: string;
  /** The value of an output; throws StackOutputError when the stack has none by that name. */
  get(name: OutputName): string;
}

export interface StackOptions {
  region?: string;
  /** A client of one's own (another endpoint, other credentials); the SDK's default chain otherwise. */
  client?: CloudFormationClient;
}

export async function readStackOutputs(stack: string, { region, client }: StackOptions = {}): Promise<StackOutputs> {
  const cloudFormation = client ?? new CloudFormationClient({ region: region ?? (await defaultRegion()) });
  try {
    const where = await cloudFormation.config.region();
    let found;
    try {
      found = (await cloudFormation.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0];
    } catch (error) {
      // CloudFormation tells a missing stack only by the message of a ValidationError.
      if (!(error instanceof CloudFormationServiceException && /does not exist/i.test(error.message))) throw error;
    }
    if (!found)
      throw new StackNotFoundError(
        `no stack named "${stack}" in ${where}: check the name and the region (--region or AWS_REGION), or deploy the stack first (npx cdk deploy)`,
      );
    const outputs = new Map((found.Outputs ?? []).map((output) => [output.OutputKey ?? '', output.OutputValue ?? '']));
    const status = found.StackStatus ?? 'unknown';
    return {
      stack,
      region: where,
      get(name) {
        const value = outputs.get(name);
        if (value) return value;
        const has = outputs.size > 0 ? `its outputs are ${[...outputs.keys()].join(', ')}` : 'it has no outputs';
        throw new StackOutputError(
          `stack "${stack}" in ${where} (${status}) has no output ${name} (${has}): is it a transfer-watch stack? Deploy this version of it (npx cdk deploy) and try again`,
        );
      },
    };
  } finally {
    if (!client) cloudFormation.destroy();
  }
}
