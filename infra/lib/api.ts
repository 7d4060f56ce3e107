import { routeKey } from '@hongjia/shared';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HongjiaFunction } from './hongjia-function';

export interface HongjiaApiProps {
  stage: string;
  /** Origins of the h5 build. The mini-program itself is not subject to CORS. */
  webOrigins: readonly string[];
  throttle: { rateLimit: number; burstLimit: number };
  functions: readonly HongjiaFunction[];
}

/**
 * Access-log fields: request id, route template, status, latency, sizes and
 * integration errors. Deliberately no source IP, user agent, raw path, query
 * string or identity: the route key (`GET /v1/families/{familyId}`) is a
 * template, so no personal data reaches the access log.
 */
const accessLogFields = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  errorType: '$context.error.responseType',
};

/** The HTTP API: one route per manifest route, integrated with its group's function. */
export class HongjiaApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: HongjiaApiProps) {
    super(scope, id);
    if (props.webOrigins.some((origin) => origin.includes('*'))) {
      throw new Error('CORS origins must be explicit; "*" is not allowed');
    }

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `hongjia-${props.stage}`,
      description: `Hongjia ${props.stage} API`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.webOrigins],
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.DELETE,
        ],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });

    const seen = new Map<string, string>();
    for (const fn of props.functions) {
      if (fn.group.routes.length === 0) continue; // workers have no HTTP face
      const integration = new HttpLambdaIntegration(`${fn.group.name}Integration`, fn.fn);
      for (const route of fn.group.routes) {
        const key = routeKey(route);
        const owner = seen.get(key);
        if (owner !== undefined) {
          throw new Error(`route "${key}" is served by both "${owner}" and "${fn.group.name}"`);
        }
        seen.set(key, fn.group.name);
        new HttpRoute(this, `Route-${route.operationId}`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration,
        });
      }
    }
  }

  /** Base URL of the API (the `$default` stage). */
  get url(): string {
    return this.stage.url;
  }
}
