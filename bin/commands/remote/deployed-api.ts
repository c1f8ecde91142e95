import { createSignedApi, type SignedApi } from './signed-api.js';
import { readStackOutputs } from './stack-outputs.js';

export interface RemoteOptions {
  /** The deployed stack, whose ApiUrl output is the API. */
  stack?: string;
  region?: string;
  /** This API instead of the stack's (a local or custom endpoint). */
  apiUrl?: string;
}

export function isRemote(options: RemoteOptions): boolean {
  return options.stack !== undefined || options.apiUrl !== undefined;
}

/** The query API of a deployed stack, or the one at --api-url. */
export async function openDeployedApi({ stack, region, apiUrl }: RemoteOptions): Promise<SignedApi> {
  if (apiUrl !== undefined) {
    if (!URL.canParse(apiUrl) || !/^https?:$/.test(new URL(apiUrl).protocol))
      throw new Error(`--api-url must be an http or https URL, not "${apiUrl}"`);
    return createSignedApi({ baseUrl: apiUrl, ...(region ? { region } : {}) });
  }
  if (stack === undefined) throw new Error('give --stack NAME or --api-url URL');
  const outputs = await readStackOutputs(stack, region ? { region } : {});
  return createSignedApi({ baseUrl: outputs.get('ApiUrl'), region: outputs.region });
}
