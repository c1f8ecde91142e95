/**
 * Email addresses and phone numbers are subscribers' data: none may reach a log line, whatever
 * message or error carried it there. The stack's log groups mask them again (a CloudWatch Logs
 * data protection policy); this is the first line.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** International numbers as people write them: a plus, then 7 to 15 digits with spaces, dots, dashes or brackets between. */
const PHONE = /\+\d(?:[\s().-]*\d){6,14}/g;

export const REDACTED_EMAIL = '[email redacted]';
export const REDACTED_PHONE = '[phone redacted]';

export function redactAddresses(text: string): string {
  return text.replace(EMAIL, REDACTED_EMAIL).replace(PHONE, REDACTED_PHONE);
}

/** For JSON.stringify: every string in a log line, at any depth, redacted. */
export function redactingReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? redactAddresses(value) : value;
}
