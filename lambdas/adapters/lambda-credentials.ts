/**
 * The credentials of a deployed function: Lambda puts its role's in the environment, always. The
 * SDK's default chain also knows shared files, SSO, web identity and the instance metadata
 * service, none of which a function uses, and they are a seventh of a bundle; the bundles take
 * this module in its place (an esbuild alias in lib/constructs/bundled-function.ts), with the
 * name and shape the SDK clients import.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
