import { routeKey } from '@hongjia/shared';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
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
import type { Throttle } from './config';
import type { HongjiaFunction } from './hongjia-function';
import { acknowledgeNag } from './nag';

export interface HongjiaApiProps {
  stage: string;
  /** Origins of the h5 build. The mini-program itself is not subject to CORS. */
  webOrigins: readonly string[];
  throttle: Throttle;
  /** Tighter throttles by route key; every key must be a route of the API. */
  routeThrottles: Readonly<Record<string, Throttle>>;
  functions: readonly HongjiaFunction[];
}

/**
 * Access-log fields: request id, the client's source IP (as API Gateway saw
 * it: evidence of who called, and what a rate limit or an abuse report needs),
 * route template, status, latency, sizes and integration errors. Still no user
 * agent, raw path, query string or identity: the route key
 * (`GET /v1/families/{familyId}`) is a template, so no ID number, phone or
 * name reaches the log. Kept six months (Cybersecurity Law art. 21), like
 * every log group here (decision 0016).
 */
export const accessLogFields = {
  requestId: '$context.requestId',
  sourceIp: '$context.identity.sourceIp',
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
        // The h5 build reads a 429's Retry-After (not a CORS-safelisted header) to say when to come back.
        exposeHeaders: ['retry-after'],
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

    const routes = new Map<string, HttpRoute>();
    acknowledgeNag(
      this,
      'AwsSolutions-APIG4',
      'No API Gateway authorizer by design (decision 0003): the router verifies the session token and the route roles, the domain services check ownership and jurisdiction, and the same code runs locally where the tests prove it; public routes are declared public in the shared route contract.',
    );
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
        const httpRoute = new HttpRoute(this, `Route-${route.operationId}`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration,
        });
        routes.set(key, httpRoute);
      }
    }

    // Per-route throttles (HTTP API route settings): the routes an abuser
    // would hammer get less than the stage default. A key that names no route
    // fails the synth rather than the deployment.
    // CfnStage.routeSettings is plain JSON in CloudFormation's own casing.
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const [key, throttle] of Object.entries(props.routeThrottles)) {
      const route = routes.get(key);
      if (!route) throw new Error(`routeThrottles: "${key}" is not a route of the API`);
      routeSettings[key] = {
        ThrottlingRateLimit: throttle.rateLimit,
        ThrottlingBurstLimit: throttle.burstLimit,
      };
      // The stage may only name routes that exist.
      this.stage.node.addDependency(route);
    }
    if (Object.keys(routeSettings).length > 0) {
      (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
    }
  }

  /** Base URL of the API (the `$default` stage). */
  get url(): string {
    return this.stage.url;
  }
}
