/**
 * Just enough SQS for tests, spoken over plain HTTP (SQS's JSON protocol) to a moto server: what
 * SNS delivered to a queue, and the part of Lambda's event source that hands queued feed batches
 * to a worker, which moto can only play by running the worker in Docker.
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
  return queueAt(endpoint, url);
}

/** A queue that exists, by its URL. */
export async function queueAt(endpoint: string, url: string): Promise<SqsQueue> {
  const { Attributes } = await call<{ Attributes: { QueueArn: string } }>(endpoint, 'GetQueueAttributes', {
    QueueUrl: url,
    AttributeNames: ['QueueArn'],
  });
  return { url, arn: Attributes.QueueArn };
}

export async function sendMessage(endpoint: string, queue: SqsQueue, body: string): Promise<void> {
  await call(endpoint, 'SendMessage', { QueueUrl: queue.url, MessageBody: body });
}

/** A message received, hidden from other receivers until deleted or released. */
export interface ReceivedMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
}

/** One message, as an event source with a batch size of one takes it; nothing when none is visible. */
export async function receiveOne(endpoint: string, queue: SqsQueue): Promise<ReceivedMessage | undefined> {
  const { Messages = [] } = await call<{ Messages?: { MessageId: string; ReceiptHandle: string; Body: string }[] }>(
    endpoint,
    'ReceiveMessage',
    { QueueUrl: queue.url, MaxNumberOfMessages: 1, WaitTimeSeconds: 0 },
  );
  const [message] = Messages;
  return message && { messageId: message.MessageId, receiptHandle: message.ReceiptHandle, body: message.Body };
}

export async function deleteMessage(endpoint: string, queue: SqsQueue, message: ReceivedMessage): Promise<void> {
  await call(endpoint, 'DeleteMessage', { QueueUrl: queue.url, ReceiptHandle: message.receiptHandle });
}

/** Makes a received message visible again now, as if its visibility timeout had passed. */
export async function releaseMessage(endpoint: string, queue: SqsQueue, message: ReceivedMessage): Promise<void> {
  await call(endpoint, 'ChangeMessageVisibility', { QueueUrl: queue.url, ReceiptHandle: message.receiptHandle, VisibilityTimeout: 0 });
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
