/** A CloudFormation stack in a moto server, with the outputs a deployed transfer-watch stack gives the CLI. */
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';

export const MOTO_ENV = { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
export const credentials = { accessKeyId: MOTO_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: MOTO_ENV.AWS_SECRET_ACCESS_KEY };

/** Creates the stack: an SNS topic for alerts, and the API URL given. Returns its outputs. */
export async function createStack(endpoint: string, name: string, apiUrl: string): Promise<Record<string, string>> {
  const client = new CloudFormationClient({ endpoint, region: MOTO_ENV.AWS_REGION, credentials });
  try {
    await client.send(
      new CreateStackCommand({
        StackName: name,
        TemplateBody: JSON.stringify({
          Resources: { Alerts: { Type: 'AWS::SNS::Topic', Properties: { TopicName: `${name}-alerts` } } },
          Outputs: { AlertsTopicArn: { Value: { Ref: 'Alerts' } }, ApiUrl: { Value: apiUrl } },
        }),
      }),
    );
    const [stack] = (await client.send(new DescribeStacksCommand({ StackName: name }))).Stacks ?? [];
    return Object.fromEntries((stack?.Outputs ?? []).map((output) => [output.OutputKey ?? '', output.OutputValue ?? '']));
  } finally {
    client.destroy();
  }
}
