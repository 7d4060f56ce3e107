import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { cacheControl, cacheControlOf } from '../lib/web-cache';
import { contentSecurityPolicy } from '../lib/web-hosting';
import { buildApp, buildBothStacks, type Resource, resourcesOfType } from './support';

// Prepare (shared): the production stack hosting the two-file h5 fixture, and a staging app with
// the aws-partition stack too (Origin Access Control exists there, not in the aws-cn regions).
const { cn } = buildApp();
const template = Template.fromStack(cn);
const globalTemplate = Template.fromStack(buildBothStacks().global);

function onlyResource(type: string): Resource {
  const resources = Object.values(resourcesOfType(template, type));
  expect(resources).toHaveLength(1);
  return resources[0] as Resource;
}

function distributionConfig(): Record<string, unknown> {
  return onlyResource('AWS::CloudFront::Distribution').Properties.DistributionConfig as Record<
    string,
    unknown
  >;
}

describe('web hosting of the h5 build', () => {
  it('keeps the site bucket private, SSL-only, S3-encrypted, logged and retained in prod', () => {
    const [, bucket] = Object.entries(resourcesOfType(template, 'AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('WebSiteBucket'),
    ) as [string, Resource];
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.Properties.LoggingConfiguration).toMatchObject({ LogFilePrefix: 's3/' });
    expect(bucket.DeletionPolicy).toBe('Retain');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^WebSiteBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          // Reads only by the distribution's origin access identity (aws-cn).
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { CanonicalUser: Match.anyValue() },
          }),
        ]),
      },
    });
  });

  it('reads the bucket through Origin Access Control where it exists (aws), an identity in aws-cn', () => {
    globalTemplate.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    globalTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^WebSiteBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
          }),
        ]),
      },
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 1);
  });

  it('serves through CloudFront with compression and an HTTPS redirect', () => {
    const config = distributionConfig();
    expect(config.Origins).toHaveLength(1);
    const behaviors = [config.DefaultCacheBehavior, ...(config.CacheBehaviors as unknown[])] as Record<
      string,
      unknown
    >[];
    expect((config.CacheBehaviors as { PathPattern: string }[]).map((b) => b.PathPattern)).toEqual([
      'js/*',
      'css/*',
      'static/*',
    ]);
    for (const behavior of behaviors) {
      expect(behavior.Compress).toBe(true);
      expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      // CachingOptimized (managed): gzip and Brotli in the cache key.
      expect(behavior.CachePolicyId).toBe('658327ea-f89d-4fab-a63d-7e88639e58f6');
      expect(behavior.ResponseHeadersPolicyId).toBeDefined();
    }
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
  });

  it('answers a deep link (403 or 404 from the bucket) with the app shell and 200', () => {
    expect(distributionConfig().CustomErrorResponses).toEqual([
      { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 10 },
      { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 10 },
    ]);
  });

  it('adds HSTS, nosniff, frame DENY, a referrer policy and a CSP that allows the API', () => {
    const policy = onlyResource('AWS::CloudFront::ResponseHeadersPolicy').Properties
      .ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, Record<string, unknown>> };
    const headers = policy.SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      Override: true,
    });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ReferrerPolicy).toMatchObject({ ReferrerPolicy: 'strict-origin-when-cross-origin' });
    const csp = JSON.stringify(headers.ContentSecurityPolicy);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('connect-src');
    // The API's endpoint is a token of the HTTP API's id.
    expect(csp).toMatch(/HttpApi[0-9A-F]{8}/);
  });

  it('uploads hashed files as immutable for a year, then index.html as no-cache', () => {
    const deployments = Object.entries(resourcesOfType(template, 'Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(2);
    const [hashedId, hashed] = deployments.find(([id]) => id.startsWith('WebDeployHashedFiles')) as [
      string,
      Resource,
    ];
    const [, page] = deployments.find(([id]) => id.startsWith('WebDeployIndexHtml')) as [string, Resource];
    expect(hashed.Properties.SystemMetadata).toEqual({ 'cache-control': cacheControl.hashed });
    expect(page.Properties.SystemMetadata).toEqual({ 'cache-control': cacheControl.page });
    for (const deployment of [hashed, page]) expect(deployment.Properties.Prune).toBe(false);
    expect(page.DependsOn).toContain(hashedId);
  });

  it('names the served URL as an output', () => {
    template.hasOutput('WebUrl', {});
  });
});

describe('the h5 hosting switches', () => {
  it('refuses to synthesize without the h5 build, saying how to make it', () => {
    expect(() => buildApp({}, { h5Directory: '/nonexistent/dist/h5' })).toThrow(
      /run the production h5 build first.*webHosting=false/,
    );
  });

  it('synthesizes the backend alone with -c webHosting=false', () => {
    const { cn: backend } = buildApp({ webHosting: 'false' }, { h5Directory: '/nonexistent/dist/h5' });
    const alone = Template.fromStack(backend);
    alone.resourceCountIs('AWS::CloudFront::Distribution', 0);
    alone.resourceCountIs('Custom::CDKBucketDeployment', 0);
  });

  it('serves the ICP-filed domain with its IAM certificate (aws-cn) and TLS 1.2', () => {
    const { cn: withDomain } = buildApp({
      webOrigins: ['https://h5.hongjia.example.cn'],
      webDomain: { domainName: 'h5.hongjia.example.cn', iamCertificateId: 'ASCAEXAMPLE1234567890' },
    });
    Template.fromStack(withDomain).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['h5.hongjia.example.cn'],
        ViewerCertificate: {
          IamCertificateId: 'ASCAEXAMPLE1234567890',
          SslSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
        },
      }),
    });
  });

  it('refuses a webDomain that webOrigins does not list (the API would refuse the app)', () => {
    expect(() =>
      buildApp({ webDomain: { domainName: 'app.example.cn', iamCertificateId: 'ASCAEXAMPLE1234567890' } }),
    ).toThrow(/webOrigins" must include https:\/\/app\.example\.cn/);
  });
});

describe('cache and CSP rules', () => {
  it('caches only files in the hashed folders for a year', () => {
    expect(cacheControlOf('/js/app.0123abcd.js')).toBe(cacheControl.hashed);
    expect(cacheControlOf('/css/app.0123abcd.css')).toBe(cacheControl.hashed);
    expect(cacheControlOf('/index.html')).toBe(cacheControl.page);
    expect(cacheControlOf('/pages/index/index')).toBe(cacheControl.page);
    expect(cacheControlOf('/js')).toBe(cacheControl.page);
  });

  it('allows index.html’s inline script by its hash, nothing else inline', () => {
    const csp = contentSecurityPolicy('<script>f()</script><script defer src="/js/a.js"></script>', {
      connectOrigins: ['https://api.example.cn'],
      imageOrigins: [],
    });
    // sha256("f()") in base64
    expect(csp).toContain("script-src 'self' 'sha256-");
    expect(csp).not.toContain("'unsafe-inline' 'sha256");
    expect(csp.match(/'sha256-/g)).toHaveLength(1);
    expect(csp).toContain("connect-src 'self' https://api.example.cn");
  });
});
