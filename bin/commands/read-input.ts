import { readFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';

export class InputError extends Error {
  override name = 'InputError';
}

/** Reads a whole file, or standard input for "-". */
export async function readTextArgument(file: string): Promise<string> {
  if (file === '-') return text(process.stdin);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
