import { createHash } from 'node:crypto';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { dynamoClient, idempotencyTableName } from './dynamo';
import { AppError, validationFailed } from './errors';

/**
 * `Idempotency-Key` for every POST that creates something (SPEC §3), on
 * Powertools idempotency: a conditional put of an in-progress record, then the
 * stored result. Same key + same request → the first response; same key +
 * another body → 422; same key while the first is still running → 409.
 * Only successful results are stored: a failed attempt can be retried.
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

interface IdempotentInput {
  /** Caller + route + header value: keys of different users never collide. */
  key: string;
  /** Hash of what the request asks for; a different payload under the same key is refused. */
  payloadHash: string;
  run: () => Promise<StoredResponse>;
}

const keyPattern = /^[A-Za-z0-9_.:-]{8,128}$/;
const recordTtlSeconds = 24 * 60 * 60;

let persistence: DynamoDBPersistenceLayer | undefined;
const config = new IdempotencyConfig({
  eventKeyJmesPath: 'key',
  payloadValidationJmesPath: 'payloadHash',
  expiresAfterSeconds: recordTtlSeconds,
  throwOnNoIdempotencyKey: true,
});

function idempotentRunner() {
  persistence ??= new DynamoDBPersistenceLayer({
    tableName: idempotencyTableName(),
    awsSdkV3Client: dynamoClient,
  });
  return makeIdempotent(async (input: IdempotentInput) => input.run(), {
    persistenceStore: persistence,
    config,
    keyPrefix: 'hongjia',
  });
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
  if (context) config.registerLambdaContext(context);
  const payloadHash = createHash('sha256').update(scope.payload).digest('hex');
  // Sealed, the record holds `{sealed}` only; the first answer and every replay open it the same way.
  const stored = sealer
    ? async () => {
        const answer = await run();
        return {
          statusCode: answer.statusCode,
          body: { sealed: await sealer.seal(JSON.stringify(answer.body)) },
        };
      }
    : run;
  try {
    const result = await idempotentRunner()({
      key: `${scope.callerId} ${scope.routeKey} ${scope.key}`,
      payloadHash,
      run: stored,
    });
    if (!sealer) return result;
    const { sealed } = result.body as { sealed: string };
    return { statusCode: result.statusCode, body: JSON.parse(await sealer.open(sealed)) as unknown };
  } catch (error) {
    if (error instanceof IdempotencyValidationError) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一请求内容，请换一个新的', [
        { path: 'headers.idempotency-key', message: '同一 Idempotency-Key 的请求内容不一致' },
      ]);
    }
    if (error instanceof IdempotencyAlreadyInProgressError) {
      throw new AppError('CONFLICT', '相同的请求正在处理中，请稍后查看结果');
    }
    throw unwrapPowertoolsError(error);
  }
}

/** Powertools wraps what the function threw in its own errors at times; give the router our AppError back. */
function unwrapPowertoolsError(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth++) {
    if (current instanceof AppError) return current;
    current = current.cause;
  }
  return current instanceof AppError ? current : error;
}
