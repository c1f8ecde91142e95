/**
 * The key the deployed query function signs its cursors with: a secret its stack generated, read
 * by ARN once per cold start. Its value is never logged nor put in an error.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export async function readCursorKeySecret(client: SecretsManagerClient, secretArn: string): Promise<Buffer> {
  let secret: string | undefined;
  try {
    ({ SecretString: secret } = await client.send(new GetSecretValueCommand({ SecretId: secretArn })));
  } catch (error) {
    throw new Error(`cannot read the cursor key from secret ${secretArn}: ${(error as Error).name}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (secret === undefined) throw new Error(`secret ${secretArn} holds no string to sign cursors with`);
  return Buffer.from(secret, 'utf8');
}
