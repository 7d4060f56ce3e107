import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FunctionGroup } from '@hongjia/functions/manifest';
import { routeKey } from '@hongjia/shared';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/**
 * Turns a Node HTTP request into the API Gateway v2 (HTTP API, payload 2.0)
 * event that the deployed API would send, finds the route the same way API
 * Gateway does (the manifest's `METHOD /path/{param}` keys), and calls the very
 * handler function the stack deploys for that route's group.
 */
export type LambdaHttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

interface CompiledRoute {
  key: string;
  method: string;
  pattern: RegExp;
  paramNames: string[];
  group: string;
  handler: LambdaHttpHandler;
}

/** HTTP API refuses payloads over 10 MB itself; the handlers apply the tighter API limit. */
const apiGatewayMaxBytes = 10 * 1024 * 1024;
/**
 * The deployed API functions' timeout (API Gateway's 29 s). A request cut off mid-way leaves its
 * idempotency record "in progress" this long; the crash and store-fault tests shorten it (read per
 * request, so a test may set it after import) so their retries need not wait.
 */
const lambdaTimeoutMs = () => Number(process.env.HONGJIA_LOCAL_LAMBDA_TIMEOUT_MS ?? 29_000);

function compile(path: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)(\+)?\}$/.exec(segment);
      if (!param?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramNames.push(param[1]);
      return param[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), paramNames };
}

export function compileRoutes(
  groups: readonly FunctionGroup[],
  handlers: ReadonlyMap<string, LambdaHttpHandler>,
): CompiledRoute[] {
  const compiled = groups.flatMap((group) => {
    const handler = handlers.get(group.name);
    if (!handler) throw new Error(`No handler loaded for group ${group.name}`);
    return group.routes.map((route) => ({
      key: routeKey(route),
      method: route.method,
      ...compile(route.path),
      group: group.name,
      handler,
    }));
  });
  // As API Gateway does: a literal segment wins over a parameter
  // (`/special-families/coverage` before `/special-families/{id}`).
  return compiled.sort((a, b) => a.paramNames.length - b.paramNames.length);
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > apiGatewayMaxBytes) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function decodable(values: RegExpExecArray): boolean {
  try {
    for (const value of values.slice(1)) decodeURIComponent(value ?? '');
    return true;
  } catch {
    return false;
  }
}

function isTextual(contentType: string | undefined): boolean {
  return (
    !contentType || /^(text\/|application\/([\w.+-]+\+)?(json|xml|x-www-form-urlencoded))/i.test(contentType)
  );
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(body);
}

export function createApiListener(routes: CompiledRoute[], log: (line: string) => void = () => {}) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const started = Date.now();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = (request.method ?? 'GET').toUpperCase();
    const requestId = randomUUID();
    try {
      const match = routes
        .filter((route) => route.method === method)
        .map((route) => ({ route, values: route.pattern.exec(url.pathname) }))
        .find((candidate) => candidate.values);
      // A path parameter that is no valid percent-encoding (`%FF`, `%zz`) names nothing: as an unknown route.
      if (!match?.values || !decodable(match.values)) {
        send(
          response,
          404,
          JSON.stringify({
            error: { code: 'NOT_FOUND', message: '接口不存在', details: [], requestId },
          }),
          { 'x-request-id': requestId },
        );
        return;
      }
      const body = await readBody(request);
      if (body === 'too-large') {
        send(
          response,
          413,
          JSON.stringify({
            error: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大', details: [], requestId },
          }),
        );
        return;
      }
      const event = toEvent(request, url, match.route, match.values, body, requestId);
      const result = await match.route.handler(event, lambdaContext(match.route.group, requestId, started));
      const headers = Object.fromEntries(
        Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]),
      );
      response.writeHead(result.statusCode ?? 200, headers);
      response.end(
        result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''),
      );
      log(`${method} ${url.pathname} → ${result.statusCode} ${Date.now() - started}ms`);
    } catch (error) {
      // The handlers map every error themselves; reaching here is a runtime bug, shown as API Gateway would.
      log(`${method} ${url.pathname} → 500 (${(error as Error).message})`);
      send(response, 500, JSON.stringify({ message: 'Internal Server Error' }));
    }
  };
}

function toEvent(
  request: IncomingMessage,
  url: URL,
  route: CompiledRoute,
  values: RegExpExecArray,
  body: Buffer,
  requestId: string,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
  }
  const pathParameters = Object.fromEntries(
    route.paramNames.map((name, index) => [name, decodeURIComponent(values[index + 1] ?? '')]),
  );
  const textual = isTextual(headers['content-type']);
  const now = new Date();
  return {
    version: '2.0',
    routeKey: route.key,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(route.paramNames.length ? { pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: route.key,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !textual,
  };
}

function lambdaContext(group: string, requestId: string, started: number): Context {
  const fail = () => {
    throw new Error('Legacy Lambda callbacks are not used');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `hongjia-local-${group}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:local:lambda:local:000000000000:function:hongjia-local-${group}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/local/hongjia/${group}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, lambdaTimeoutMs() - (Date.now() - started)),
    done: fail,
    fail,
    succeed: fail,
  };
}
