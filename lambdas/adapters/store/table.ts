import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The store's table definition; the CDK stack declares the same keys. */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;
/** Epoch seconds after which DynamoDB may delete an item (publish claims); the stack turns TTL on for it. */
export const TABLE_TTL_ATTRIBUTE = 'expiresAt';

/** Creates the table where none exists (the embedded store, tests); on AWS the stack creates it. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  if ((await tableStatus(client, tableName)) === undefined) await createTable(client, tableName);
  // A new table takes writes only once it is ACTIVE, even in dynalite.
  for (let waited = 0; (await tableStatus(client, tableName)) !== 'ACTIVE'; waited += ACTIVE_POLL_MS) {
    if (waited >= ACTIVE_TIMEOUT_MS) throw new Error(`table ${tableName} is not active after ${ACTIVE_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, ACTIVE_POLL_MS));
  }
}

const ACTIVE_POLL_MS = 25;
const ACTIVE_TIMEOUT_MS = 30_000;

async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.TableStatus ?? 'ACTIVE';
  } catch (error) {
    if (error instanceof ResourceNotFoundException || (error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [
        { AttributeName: TABLE_KEYS.partitionKey, AttributeType: 'S' },
        { AttributeName: TABLE_KEYS.sortKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}
