/**
 * The second line behind the code's own redaction: CloudWatch Logs masks email addresses and
 * phone numbers in every log group of the stack, should one ever be written.
 */
import { DataIdentifier, DataProtectionPolicy } from 'aws-cdk-lib/aws-logs';

export const MASKED_IDENTIFIERS = [
  DataIdentifier.EMAILADDRESS,
  DataIdentifier.PHONENUMBER_US,
  DataIdentifier.PHONENUMBER_GB,
  DataIdentifier.PHONENUMBER_FR,
  DataIdentifier.PHONENUMBER_DE,
  DataIdentifier.PHONENUMBER_ES,
  DataIdentifier.PHONENUMBER_IT,
  DataIdentifier.PHONENUMBER_BR,
];

export function addressMaskingPolicy(): DataProtectionPolicy {
  return new DataProtectionPolicy({
    name: 'transfer-watch subscriber addresses',
    description: 'Masks email addresses and phone numbers in the logs',
    identifiers: MASKED_IDENTIFIERS,
  });
}
