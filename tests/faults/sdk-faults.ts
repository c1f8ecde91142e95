/**
 * Faults injected where the AWS SDK meets the network: a middleware that fails chosen requests with
 * the errors AWS returns (throttling, 5xx) or a timeout, either before the request leaves (the
 * service never sees it) or after the service answered (it did the work; the answer is lost). It
 * sits inside the SDK's retry middleware, so the SDK retries as it would against AWS.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SNSClient } from '@aws-sdk/client-sns';

export type FaultKind = 'throttled' | 'throughput-exceeded' | 'internal-error' | 'unavailable' | 'timeout';

const SHAPES: Record<FaultKind, { name: string; message: string; status?: number; fault?: 'client' | 'server' }> = {
  throttled: { name: 'ThrottlingException', message: 'Rate exceeded', status: 400, fault: 'client' },
  'throughput-exceeded': {
    name: 'ProvisionedThroughputExceededException',
    message: 'The level of configured provisioned throughput for the table was exceeded.',
    status: 400,
    fault: 'client',
  },
  'internal-error': { name: 'InternalServerError', message: 'Internal server error', status: 500, fault: 'server' },
  unavailable: { name: 'ServiceUnavailable', message: 'Service Unavailable', status: 503, fault: 'server' },
  // What the SDK's HTTP handler throws when a socket goes quiet: no status, a Node error code.
  timeout: { name: 'TimeoutError', message: 'Connection timed out after 2000 ms' },
};

/** An error shaped as the SDK raises it, so its retry strategy classifies it as it would the real one. */
export function sdkError(kind: FaultKind): Error {
  const { name, message, status, fault } = SHAPES[kind];
  return Object.assign(new Error(message), {
    name,
    ...(status === undefined
      ? { code: 'ETIMEDOUT' }
      : { $fault: fault, $metadata: { httpStatusCode: status, requestId: 'injected-fault', attempts: 1, totalRetryDelay: 0 } }),
  });
}

export interface FaultRule {
  /** The SDK's command name ('PublishCommand', 'UpdateItemCommand'…); any request when absent. */
  command?: string | string[];
  /** Only requests whose input this accepts. */
  where?: (input: RequestInput) => boolean;
  /** Which of the matching requests fail, counting from 1; every one when absent. */
  calls?: number[];
  /** How many attempts of a failing request fail; every one, beyond the SDK's retries, when absent. */
  attempts?: number;
  /** Before the request leaves, or once the service has done it and answered (the answer is lost). */
  at?: 'request' | 'response';
  fault: FaultKind;
}

export type RequestInput = Record<string, unknown>;

export interface Request {
  command: string;
  input: RequestInput;
}

interface Planned {
  rule: FaultRule;
  failed: number;
}

const PLANNED = Symbol('planned fault');

/** The faults planned for one client, and what it sent. */
export class Faults {
  /** Errors thrown, one per failed attempt. */
  injected = 0;
  readonly requests: Request[] = [];
  private rules: FaultRule[] = [];
  private matched = new Map<FaultRule, number>();

  plan(...rules: FaultRule[]): void {
    this.rules = rules;
    this.matched.clear();
  }

  clear(): void {
    this.plan();
  }

  /** Numbers the request against every rule; the first rule that picks it makes it fail. */
  choose(request: Request): FaultRule | undefined {
    let chosen: FaultRule | undefined;
    for (const rule of this.rules) {
      const commands = rule.command === undefined ? undefined : [rule.command].flat();
      if (commands && !commands.includes(request.command)) continue;
      if (rule.where && !rule.where(request.input)) continue;
      const count = (this.matched.get(rule) ?? 0) + 1;
      this.matched.set(rule, count);
      if (!chosen && (rule.calls === undefined || rule.calls.includes(count))) chosen = rule;
    }
    return chosen;
  }

  /** The error for this attempt of a request planned to fail, if it fails at this point and has attempts left to fail. */
  strike(planned: Planned, at: 'request' | 'response'): Error | undefined {
    const { rule } = planned;
    if ((rule.at ?? 'request') !== at) return undefined;
    if (rule.attempts !== undefined && planned.failed >= rule.attempts) return undefined;
    planned.failed += 1;
    this.injected += 1;
    return sdkError(rule.fault);
  }
}

type Middleware = (
  next: (args: { input: RequestInput }) => Promise<unknown>,
  context: { commandName?: string; [PLANNED]?: Planned },
) => (args: { input: RequestInput }) => Promise<unknown>;

interface Stack {
  add(middleware: Middleware, options: { step: 'initialize' | 'finalizeRequest' | 'deserialize'; name: string }): void;
}

export function injectFaults(client: DynamoDBClient | SNSClient): Faults {
  const faults = new Faults();
  const stack = client.middlewareStack as unknown as Stack;
  // Once per request: the retries of one request share its context, and so its planned fault.
  stack.add(
    (next, context) => async (args) => {
      const request = { command: context.commandName ?? 'unknown', input: args.input };
      faults.requests.push(request);
      const rule = faults.choose(request);
      if (rule) context[PLANNED] = { rule, failed: 0 };
      return next(args);
    },
    { step: 'initialize', name: 'plan-fault' },
  );
  // Once per attempt, inside the retry middleware.
  stack.add(
    (next, context) => async (args) => {
      const planned = context[PLANNED];
      const error = planned && faults.strike(planned, 'request');
      if (error) throw error;
      return next(args);
    },
    { step: 'finalizeRequest', name: 'fault-before-sending' },
  );
  stack.add(
    (next, context) => async (args) => {
      const answer = await next(args);
      const planned = context[PLANNED];
      const error = planned && faults.strike(planned, 'response');
      if (error) throw error;
      return answer;
    },
    { step: 'deserialize', name: 'fault-after-answer' },
  );
  return faults;
}

type AttributeMap = Record<string, { S?: string } | undefined>;

/** The table item a DynamoDB request is about, as "PutItem SERIES/detainees_transferred": names a request in a report. */
export function describeRequest({ command, input }: Request): string {
  const operation = command.replace(/Command$/, '');
  const key = (item: AttributeMap | undefined) => (item ? `${item.pk?.S}/${item.sk?.S}`.slice(0, 60) : '');
  if ('Item' in input) return `${operation} ${key(input.Item as AttributeMap)}`;
  if ('Key' in input) {
    const update = typeof input.UpdateExpression === 'string' ? ` (${input.UpdateExpression.split(' ')[0]})` : '';
    return `${operation} ${key(input.Key as AttributeMap)}${update}`;
  }
  if ('RequestItems' in input) {
    const [batch] = Object.values(
      input.RequestItems as Record<string, { Keys: AttributeMap[] } | Array<{ PutRequest: { Item: AttributeMap } }>>,
    );
    const items = Array.isArray(batch) ? batch.map((request) => request.PutRequest.Item) : (batch?.Keys ?? []);
    return `${operation} ${items[0]?.pk?.S ?? ''} ×${items.length}`;
  }
  const values = input.ExpressionAttributeValues as AttributeMap | undefined;
  return `${operation} ${values?.[':pk']?.S ?? ''}`.trim();
}

/** Requests about one kind of table item ("SERIES", "ALERT", "CLAIM"…), or one item of it. */
export function about(pk: string, sk?: string): (input: RequestInput) => boolean {
  return (input) => {
    const item = (input.Item ?? input.Key) as AttributeMap | undefined;
    return item?.pk?.S === pk && (sk === undefined || item.sk?.S === sk);
  };
}
