/** Every route of the query API, and which one a request's path names. */
import { changesRoute } from './changes.js';
import { feedsRoute } from './feeds.js';
import type { Route } from './route.js';
import { runsRoute } from './runs.js';
import { oneSeriesRoute, seriesListRoute } from './series-answers.js';

export const ROUTES: Route[] = [seriesListRoute, oneSeriesRoute, changesRoute, feedsRoute, runsRoute];

export interface RouteMatch {
  route: Route;
  /** The path parameters, decoded, by name. */
  pathParameters: Record<string, string>;
}

/** Segments are decoded one by one, after splitting, so that an encoded "/" stays inside its segment. */
function segmentsOf(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined;
  try {
    return path.slice(1).split('/').map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

function match(route: Route, segments: string[]): Record<string, string> | undefined {
  const template = route.path.slice(1).split('/');
  if (template.length !== segments.length) return undefined;
  const pathParameters: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const segment = segments[index]!;
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name !== undefined) pathParameters[name] = segment;
    else if (part !== segment) return undefined;
  }
  return pathParameters;
}

/** The route `path` (still percent-encoded) names, if any: an empty segment names none. */
export function findRoute(path: string): RouteMatch | undefined {
  const segments = segmentsOf(path);
  if (!segments || segments.includes('')) return undefined;
  for (const route of ROUTES) {
    const pathParameters = match(route, segments);
    if (pathParameters) return { route, pathParameters };
  }
  return undefined;
}
