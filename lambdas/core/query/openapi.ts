/**
 * The OpenAPI 3.1 document of the query API, made from its route table: each parameter from the
 * schema that validates it, read on its input side (what a caller sends), and each answer from the
 * schema that types it. A route or a parameter added to the table is documented by that alone.
 */
import {
  alertSchema,
  changeSchema,
  changesAnswerSchema,
  errorAnswerSchema,
  feedHealthSchema,
  feedsAnswerSchema,
  historyEntrySchema,
  oneSeriesAnswerSchema,
  previousReadingSchema,
  reportedReadingSchema,
  runSchema,
  runsAnswerSchema,
  seriesListAnswerSchema,
  seriesSummarySchema,
} from './answer-bodies.js';
import type { Route } from './route.js';
import { ROUTES } from './routes.js';
import * as z from '../zod.js';

type JsonSchema = z.core.JSONSchema.JSONSchema;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  content: { 'application/json': { schema: { $ref: string } } };
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  parameters: OpenApiParameter[];
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, { get: OpenApiOperation }>;
  components: { schemas: Record<string, JsonSchema> };
}

/** Each schema of an answer by its name in the document: one used inside another is shown as a reference. */
const COMPONENTS: Record<string, z.ZodMiniType> = {
  ReportedReading: reportedReadingSchema,
  PreviousReading: previousReadingSchema,
  SeriesSummary: seriesSummarySchema,
  HistoryEntry: historyEntrySchema,
  Alert: alertSchema,
  Change: changeSchema,
  FeedHealth: feedHealthSchema,
  Run: runSchema,
  SeriesList: seriesListAnswerSchema,
  Series: oneSeriesAnswerSchema,
  Changes: changesAnswerSchema,
  Feeds: feedsAnswerSchema,
  Runs: runsAnswerSchema,
  Error: errorAnswerSchema,
};

const reference = (name: string) => `#/components/schemas/${name}`;

/** The document's own dialect is JSON Schema 2020-12, so a component repeats neither it nor an id. */
function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: reference, io: 'output' });
  return Object.fromEntries(Object.entries(schemas).map(([name, { $schema: _dialect, $id: _id, ...schema }]) => [name, schema]));
}

function parametersOf(schema: z.ZodMiniType, location: OpenApiParameter['in']): OpenApiParameter[] {
  const { properties = {}, required = [] } = z.toJSONSchema(schema, { io: 'input' });
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = typeof property === 'object' ? property : {};
    return {
      name,
      in: location,
      // OpenAPI requires every path parameter; a path without one names another route.
      required: location === 'path' || required.includes(name),
      ...(description !== undefined ? { description } : {}),
      schema: rest,
    };
  });
}

function jsonResponse(description: string, schema: z.ZodMiniType): OpenApiResponse {
  const name = Object.entries(COMPONENTS).find(([, component]) => component === schema)?.[0];
  if (name === undefined) throw new Error(`an answer schema has no name in the document: add it to COMPONENTS (${description})`);
  return { description, content: { 'application/json': { schema: { $ref: reference(name) } } } };
}

function operationOf(route: Route): OpenApiOperation {
  return {
    operationId: route.operationId,
    summary: route.summary,
    parameters: [...parametersOf(route.pathParameters, 'path'), ...parametersOf(route.queryParameters, 'query')],
    responses: {
      '200': jsonResponse(route.summary, route.body),
      '400': jsonResponse('A parameter is wrong, given twice, or unknown: the error names it', errorAnswerSchema),
      ...(route.notFound !== undefined ? { '404': jsonResponse(route.notFound, errorAnswerSchema) } : {}),
    },
  };
}

export function openApiDocument(): OpenApiDocument {
  return {
    openapi: '3.1.1',
    info: {
      title: 'transfer-watch query API',
      // The version of this contract, not of the program: it changes when an answer or a parameter does.
      version: '1.0.0',
      description:
        'The figures transfer-watch read in news feeds about the transfer of Islamic State detainees from Syria to Iraq: ' +
        'each series with its history and sources, the alerts raised, feed health and runs. Read-only: every route answers GET.',
    },
    paths: Object.fromEntries(ROUTES.map((route) => [route.path, { get: operationOf(route) }])),
    components: { schemas: componentSchemas() },
  };
}
