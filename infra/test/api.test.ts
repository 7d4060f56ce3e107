import { type FunctionGroup, functionGroups } from '@hongjia/functions/manifest';
import { routeKey } from '@hongjia/shared';
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

  it('writes access logs without personal data (no IP, user agent, path or query)', () => {
    // Act
    const stages = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Stage'));
    const format = stages.map(
      (stage) => (stage.Properties.AccessLogSettings as { Format: string }).Format,
    )[0];
    if (format === undefined) throw new Error('no stage with access logs');

    // Assess
    expect(JSON.parse(format)).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
    });
    for (const personal of [
      'sourceIp',
      'userAgent',
      '$context.path',
      'querystring',
      'identity',
      'authorizer',
    ]) {
      expect(format).not.toContain(personal);
    }
  });
});

describe('CORS', () => {
  it('allows the configured h5 origins only, without credentials', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: cdkJsonContext.webOrigins,
        AllowCredentials: false,
        AllowHeaders: Match.arrayWith(['authorization', 'idempotency-key']),
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
});
