import { type FunctionGroup, functionGroups } from '@hongjia/functions/manifest';
import { api, routeKey } from '@hongjia/shared';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp, cdkJsonContext, functionOfGroup, type Resource, resourcesOfType } from './support';

// Prepare (shared): the production stack from the real manifest, without bundling.
const { cn } = buildApp();
const template = Template.fromStack(cn);
const routes = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Route'));
const integrations = resourcesOfType(template, 'AWS::ApiGatewayV2::Integration');

/** The Lambda logical id an API route ends up invoking. */
function functionBehindRoute(route: Resource): string {
  const target = JSON.stringify(route.Properties.Target);
  const integrationId = Object.keys(integrations).find((id) => target.includes(`"${id}"`));
  const uri = JSON.stringify(integrations[integrationId ?? '']?.Properties.IntegrationUri);
  return uri.match(/"Fn::GetAtt":\["([^"]+)","Arn"\]/)?.[1] ?? '';
}

describe('HTTP API routes', () => {
  const manifestRoutes = functionGroups.flatMap((group) => group.routes.map((route) => ({ group, route })));

  it('declares exactly the manifest routes, each once', () => {
    expect(manifestRoutes.length).toBeGreaterThan(0);
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual(
      manifestRoutes.map(({ route }) => routeKey(route)).sort(),
    );
  });

  it.each(manifestRoutes.map(({ group, route }) => [routeKey(route), group.name] as const))(
    'routes %s to the %s function',
    (key, groupName) => {
      // Act
      const route = routes.find((candidate) => candidate.Properties.RouteKey === key);

      // Assess
      expect(route).toBeDefined();
      expect(functionBehindRoute(route as Resource)).toBe(functionOfGroup(template, groupName)[0]);
    },
  );

  it('refuses a route claimed by two groups', () => {
    // Prepare
    const [first] = functionGroups;
    const twin: FunctionGroup = { ...(first as FunctionGroup), name: 'twin' };

    // Act + Assess
    expect(() => buildApp({}, { functionGroups: [...functionGroups, twin] })).toThrow(/is served by both/);
  });
});

describe('HTTP API stage', () => {
  it('throttles the default stage with the rate and burst of cdk.json', () => {
    const throttle = cdkJsonContext.throttle as { rateLimit: number; burstLimit: number };
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: throttle.rateLimit,
        ThrottlingBurstLimit: throttle.burstLimit,
      },
    });
  });

  it('writes access logs with the source IP and without user agent, path, query or identity', () => {
    // Act
    const stages = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Stage'));
    const settings = stages.map(
      (stage) => stage.Properties.AccessLogSettings as { Format: string; DestinationArn: unknown },
    )[0];
    if (settings === undefined) throw new Error('no stage with access logs');

    // Assess
    expect(JSON.parse(settings.Format)).toMatchObject({
      requestId: '$context.requestId',
      sourceIp: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      status: '$context.status',
    });
    for (const personal of [
      'userAgent',
      '$context.path',
      'querystring',
      'authorizer',
      'identity.user',
      'caller',
    ]) {
      expect(settings.Format).not.toContain(personal);
    }
    const logGroupId =
      JSON.stringify(settings.DestinationArn).match(/"Fn::GetAtt":\["([^"]+)","Arn"\]/)?.[1] ?? '';
    const logGroup = resourcesOfType(template, 'AWS::Logs::LogGroup')[logGroupId];
    expect(logGroup?.Properties.RetentionInDays).toBeGreaterThanOrEqual(180);
    expect(logGroup?.DeletionPolicy).toBe('Retain');
  });

  it('throttles sign-in, submits, uploads, identity binding and verification per route, tighter than the stage', () => {
    // Prepare
    const stageThrottle = cdkJsonContext.throttle as { rateLimit: number; burstLimit: number };
    const configured = cdkJsonContext.routeThrottles as Record<
      string,
      { rateLimit: number; burstLimit: number }
    >;

    // Act
    const [stage] = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Stage'));
    const settings = stage?.Properties.RouteSettings as Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    >;

    // Assess
    for (const route of [
      api.signIn,
      api.createUpload,
      api.submitRegistration,
      api.createBooking,
      api.applyChildcareSubsidy,
      api.createAssistanceRequest,
      api.bindIdentity,
      api.verifyCertificate,
      api.redeemPrintCode,
    ]) {
      const key = routeKey(route);
      expect(settings[key], key).toEqual({
        ThrottlingRateLimit: configured[key]?.rateLimit,
        ThrottlingBurstLimit: configured[key]?.burstLimit,
      });
      expect(settings[key]?.ThrottlingRateLimit).toBeLessThan(stageThrottle.rateLimit);
      expect(settings[key]?.ThrottlingBurstLimit).toBeLessThan(stageThrottle.burstLimit);
    }
    expect(Object.keys(settings).sort()).toEqual(Object.keys(configured).sort());
  });

  it('deploys the stage after the routes its settings name', () => {
    const [stage] = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Stage'));
    const dependsOn = stage?.DependsOn as string[];
    const signInRoute = Object.entries(resourcesOfType(template, 'AWS::ApiGatewayV2::Route')).find(
      ([, route]) => route.Properties.RouteKey === routeKey(api.signIn),
    )?.[0];
    expect(dependsOn).toContain(signInRoute);
  });

  it('refuses a route throttle for no route, or looser than the stage', () => {
    const loose = { rateLimit: 1000, burstLimit: 10 };
    expect(() =>
      buildApp({ routeThrottles: { 'GET /v1/nowhere': { rateLimit: 1, burstLimit: 1 } } }),
    ).toThrow(/is not a route of the API/);
    expect(() => buildApp({ routeThrottles: { 'POST /v1/auth/wechat': loose } })).toThrow(
      /must not exceed the stage throttle/,
    );
  });
});

describe('CORS', () => {
  it('allows the configured h5 origins only, without credentials', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: cdkJsonContext.webOrigins,
        AllowCredentials: false,
        AllowHeaders: Match.arrayWith(['authorization', 'idempotency-key']),
        ExposeHeaders: ['retry-after'],
      }),
    });
  });

  it('refuses a wildcard origin', () => {
    expect(() => buildApp({ webOrigins: ['*'] })).toThrow(/webOrigins/);
    expect(() => buildApp({ webOrigins: 'https://*.example.cn' })).toThrow(/webOrigins/);
  });
});

describe('alarms', () => {
  it('alarms on errors and throttles of every function and on API 5xx, into one topic', () => {
    // Act
    const alarms = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm'));

    // Assess
    const metricNames = alarms.map((alarm) => alarm.Properties.MetricName);
    expect(metricNames.filter((name) => name === 'Errors')).toHaveLength(functionGroups.length);
    expect(metricNames.filter((name) => name === 'Throttles')).toHaveLength(functionGroups.length);
    expect(metricNames).toContain('5xx');
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it('subscribes the configured operators’ e-mail to the alarm topic', () => {
    const [topicId] = Object.keys(resourcesOfType(template, 'AWS::SNS::Topic'));
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: cdkJsonContext.alarmEmail,
      TopicArn: { Ref: topicId },
    });
  });

  it('refuses a stack without a valid alarm e-mail', () => {
    expect(() => buildApp({ alarmEmail: '' })).toThrow(/alarmEmail/);
    expect(() => buildApp({ alarmEmail: 'ops at hongjia' })).toThrow(/alarmEmail/);
  });
});
