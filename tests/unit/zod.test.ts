/**
 * The zod the functions use (its mini build): it must say what is wrong as the classic build does,
 * and describe a schema to JSON Schema as classic `.describe()` does. This file loads no classic
 * zod, whose import would set English messages for both.
 */
import { describe, expect, it } from 'vitest';
import { described } from '../../lambdas/core/zod.js';
import * as z from '../../lambdas/core/zod.js';

describe("the functions' zod", () => {
  it('reports a number below its minimum in English, with the minimum', () => {
    const result = z.number().check(z.minimum(100)).safeParse(5);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Too small: expected number to be >=100']);
  });

  it('reports a value of the wrong type in English, naming both types', () => {
    const result = z.object({ feeds: z.array(z.string()) }).safeParse({ feeds: 'one' });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Invalid input: expected array, received string']);
  });

  it('shows a described schema with its description in JSON Schema', () => {
    const limit = described(z.int().check(z.minimum(1)), 'How many to give');
    expect(z.toJSONSchema(limit)).toMatchObject({ type: 'integer', minimum: 1, description: 'How many to give' });
  });

  it('leaves the schema it describes without a description', () => {
    const name = z.string();
    described(name, 'A name');
    expect(z.toJSONSchema(name)).not.toHaveProperty('description');
  });
});
