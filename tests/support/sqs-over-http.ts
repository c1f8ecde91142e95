/**
 * Just enough SQS for tests to see what SNS delivered to a queue, spoken over plain HTTP (SQS's
 * JSON protocol) to a moto server: the project has no SQS client and needs none.
 */

export interface SqsQueue {
  url: string;
  arn: string;
}

export class SqsRequestError extends Error {
  override name = 'SqsRequestError';
}

/**
 * moto checks no signature but routes a request by the service and region named in its
 * credential scope, so an unsigned header that names them is enough.
 */
const AUTHORIZATION = 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=unsigned';

async function call<T>(endpoint: string, action: string, input: object): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { authorization: AUTHORIZATION, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${action}` },
    body: JSON.stringify(input),
  });
  const text = await response.text();
  if (!response.ok) throw new SqsRequestError(`SQS ${action} failed with HTTP ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export async function createQueue(endpoint: string, name: string): Promise<SqsQueue> {
  const { QueueUrl: url } = await call<{ QueueUrl: string }>(endpoint, 'CreateQueue', { QueueName: name });
  const { Attributes } = await call<{ Attributes: { QueueArn: string } }>(endpoint, 'GetQueueAttributes', {
    QueueUrl: url,
    AttributeNames: ['QueueArn'],
  });
  return { url, arn: Attributes.QueueArn };
}

/** A message as a queue holds it: its body, and its attributes by name (raw delivery carries the publisher's there). */
export interface SqsMessage {
  body: string;
  attributes: Record<string, string>;
}

/**
 * Every message the queue holds now. Each one received is hidden for the visibility timeout, so
 * receiving until an empty answer takes them all, once.
 */
export async function drainQueueMessages(endpoint: string, queue: SqsQueue): Promise<SqsMessage[]> {
  const messages: SqsMessage[] = [];
  for (;;) {
    const { Messages = [] } = await call<{
      Messages?: { Body: string; MessageAttributes?: Record<string, { StringValue?: string }> }[];
    }>(endpoint, 'ReceiveMessage', { QueueUrl: queue.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageAttributeNames: ['All'] });
    if (Messages.length === 0) return messages;
    for (const message of Messages) {
      const attributes = Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue ?? '']);
      messages.push({ body: message.Body, attributes: Object.fromEntries(attributes) });
    }
  }
}

/** The bodies of every message the queue holds now. */
export async function drainQueue(endpoint: string, queue: SqsQueue): Promise<string[]> {
  return (await drainQueueMessages(endpoint, queue)).map((message) => message.body);
}
