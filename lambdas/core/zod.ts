/**
 * zod as the functions use it: the tree-shakable "mini" build, about a tenth of the classic build
 * in a bundle, with the English messages that the classic build loads on its own and mini does
 * not (without them every issue would read only "Invalid input").
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';

z.config(en());

// Re-exported name by name (not as one namespace object), so that a bundle keeps only what is used.
export * from 'zod/mini';

/** A copy of `schema` that JSON Schema shows with `description`, as classic zod's `.describe()` makes. */
export function described<Schema extends z.ZodMiniType>(schema: Schema, description: string): Schema {
  return schema.check(z.describe(description));
}

/** Every problem zod found, each after the path of the value it is about: what a message to a user needs. */
export function describeIssues(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
