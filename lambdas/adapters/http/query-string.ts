import type { QueryParameters } from '../../core/query/query-answer.js';

/** The parameters of a raw query string (without its "?"), a name given twice keeping all its values for the API to refuse. */
export function queryParameters(raw: string): QueryParameters {
  const parameters = new Map<string, string | string[]>();
  for (const [name, value] of new URLSearchParams(raw)) {
    const earlier = parameters.get(name);
    parameters.set(name, earlier === undefined ? value : [earlier, value].flat());
  }
  // From entries, so that a parameter named __proto__ is a parameter, not a prototype.
  return Object.fromEntries(parameters);
}
