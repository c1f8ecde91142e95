import { CloudFormationClient } from '@aws-sdk/client-cloudformation';

/** eu-west-1 from https://abc123.execute-api.eu-west-1.amazonaws.com/; nothing for a custom domain or a local server. */
export function regionOfApiUrl(apiUrl: string): string | undefined {
  const { hostname } = new URL(apiUrl);
  return /\.execute-api\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/i.exec(hostname)?.[1]?.toLowerCase();
}

export class RegionError extends Error {
  override name = 'RegionError';
}

/**
 * The region the SDK would choose (AWS_REGION, the profile's config...). Asked of a client, because
 * the SDK's region chain is not exported on its own.
 */
export async function defaultRegion(): Promise<string> {
  const client = new CloudFormationClient({});
  try {
    return await client.config.region();
  } catch {
    throw new RegionError('no AWS region: give --region, or set AWS_REGION or a region in your AWS profile');
  } finally {
    client.destroy();
  }
}
