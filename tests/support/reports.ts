/** What tests build a story from: Levant Wire's report of a count, and the little DOM they read back. */
import type { ReportedReading } from '../../lambdas/core/query/views.js';

/** Levant Wire reporting `value` detainees moved, published at `published`. */
export function levantWireReport<T extends ReportedReading = ReportedReading>(
  value: number,
  published: string,
  overrides: Partial<T> = {},
): T {
  return {
    value,
    bound: 'exact',
    quote: `A total of ${value} detainees have been moved to Iraq.`,
    link: `https://levantwire.example/${value}`,
    outlet: 'Levant Wire',
    published,
    ...overrides,
  } as T;
}

/** The little of linkedom's DOM the dashboard tests read: the project's types include no DOM library. */
export interface DomElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  tagName: string;
  textContent: string | null;
}
