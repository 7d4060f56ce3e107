import { createHash } from 'node:crypto';
import type { Context } from 'aws-lambda';
import {
  DeleteCommand,
  documentClient,
  GetCommand,
  idempotencyTableName,
  PutCommand,
  UpdateCommand,
} from './dynamo';
import { AppError, validationFailed } from './errors';
import { isConditionFailure } from './guards';

/**
 * `Idempotency-Key` for every POST that creates something (SPEC §3): a conditional put of an
 * in-progress record, then the stored result. Same key + same request → the first response;
 * same key + another body → 422; same key while the first is still running → 409.
 * Only successful results are stored: a failed attempt can be retried.
 *
 * The records are Powertools idempotency's, attribute for attribute (id `hongjia#<md5>`, status,
 * expiration, in_progress_expiration, validation, data), written here in a page of code instead
 * of through Powertools, whose persistence layer and JMESPath engine were ≈ 38 KiB of every
 * group's bundle for two fixed paths (decision 0026). A record either wrote reads the same.
 */
export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

/** Encrypts a stored response at rest (the PII cipher), and opens it for the replay. */
export interface ResponseSealer {
  seal(json: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

interface IdempotencyRecord {
  id: string;
  status: 'INPROGRESS' | 'COMPLETED';
  /** Epoch seconds; the table's TTL attribute. */
  expiration: number;
  /** Epoch milliseconds: when an in-progress record of a function that died frees its key. */
  in_progress_expiration?: number;
  validation: string;
  data?: StoredResponse;
}

const keyPattern = /^[A-Za-z0-9_.:-]{8,128}$/;
const recordTtlSeconds = 24 * 60 * 60;
const keyPrefix = 'hongjia';
/** A record that expired or vanished between our put and our read: put again, at most twice more. */
const maxAttempts = 3;

const conflict = () => new AppError('CONFLICT', '相同的请求正在处理中，请稍后查看结果');

/** Powertools' hash of a selected value: md5 of its JSON, in base64. */
function hashOf(value: string): string {
  return createHash('md5').update(JSON.stringify(value)).digest('base64');
}

export function requireIdempotencyKey(headers: Record<string, string>): string {
  const key = headers['idempotency-key'];
  if (!key) {
    throw validationFailed('该操作需要 Idempotency-Key 请求头，以免重复提交', [
      { path: 'headers.idempotency-key', message: '缺少 Idempotency-Key' },
    ]);
  }
  if (!keyPattern.test(key)) {
    throw validationFailed('Idempotency-Key 格式不正确', [
      { path: 'headers.idempotency-key', message: '应为 8–128 位字母、数字或 _.:- ' },
    ]);
  }
  return key;
}

export async function runIdempotent(
  scope: { callerId: string; routeKey: string; key: string; payload: string },
  context: Context | undefined,
  run: () => Promise<StoredResponse>,
  sealer?: ResponseSealer,
): Promise<StoredResponse> {
  const table = idempotencyTableName();
  // Caller + route + header value: keys of different users never collide.
  const id = `${keyPrefix}#${hashOf(`${scope.callerId} ${scope.routeKey} ${scope.key}`)}`;
  // What the request asks for: a different payload under the same key is refused.
  const validation = hashOf(createHash('sha256').update(scope.payload).digest('hex'));

  for (let attempt = 1; ; attempt++) {
    const now = Date.now();
    const record: IdempotencyRecord = {
      id,
      status: 'INPROGRESS',
      expiration: Math.round(now / 1000 + recordTtlSeconds),
      validation,
      ...(context ? { in_progress_expiration: now + context.getRemainingTimeInMillis() } : {}),
    };
    try {
      await documentClient.send(
        new PutCommand({
          TableName: table,
          Item: record,
          ConditionExpression:
            'attribute_not_exists(#id) OR #expiry < :now OR (#status = :inprogress AND attribute_exists(#inProgressExpiry) AND #inProgressExpiry < :nowMs)',
          ExpressionAttributeNames: {
            '#id': 'id',
            '#expiry': 'expiration',
            '#inProgressExpiry': 'in_progress_expiration',
            '#status': 'status',
          },
          ExpressionAttributeValues: { ':now': now / 1000, ':nowMs': now, ':inprogress': 'INPROGRESS' },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = (
        await documentClient.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }))
      ).Item as IdempotencyRecord | undefined;
      if (!existing || existing.expiration < Date.now() / 1000) {
        if (attempt < maxAttempts) continue;
        throw conflict();
      }
      if (existing.validation !== validation) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一请求内容，请换一个新的', [
          { path: 'headers.idempotency-key', message: '同一 Idempotency-Key 的请求内容不一致' },
        ]);
      }
      if (existing.status !== 'COMPLETED' || !existing.data) throw conflict();
      return opened(existing.data, sealer);
    }

    let answer: StoredResponse;
    try {
      answer = await run();
    } catch (error) {
      // A failed attempt keeps no record, so the same key may try again.
      await documentClient.send(new DeleteCommand({ TableName: table, Key: { id } }));
      throw error;
    }
    // Sealed, the record holds `{sealed}` only; the first answer and every replay open it the same way.
    const stored: StoredResponse = sealer
      ? { statusCode: answer.statusCode, body: { sealed: await sealer.seal(JSON.stringify(answer.body)) } }
      : answer;
    await documentClient.send(
      new UpdateCommand({
        TableName: table,
        Key: { id },
        UpdateExpression:
          'SET #expiry = :expiry, #status = :status, #data = :data, #validation = :validation',
        ExpressionAttributeNames: {
          '#expiry': 'expiration',
          '#status': 'status',
          '#data': 'data',
          '#validation': 'validation',
        },
        ExpressionAttributeValues: {
          ':expiry': Math.round(Date.now() / 1000 + recordTtlSeconds),
          ':status': 'COMPLETED',
          ':data': stored,
          ':validation': validation,
        },
      }),
    );
    return opened(stored, sealer);
  }
}

/** A stored response as the client sees it (opened where the group seals them). */
async function opened(stored: StoredResponse, sealer: ResponseSealer | undefined): Promise<StoredResponse> {
  if (!sealer) return stored;
  const { sealed } = stored.body as { sealed: string };
  return { statusCode: stored.statusCode, body: JSON.parse(await sealer.open(sealed)) as unknown };
}
