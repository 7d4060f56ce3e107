import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  type CfnDistribution,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { WebDomain } from './config';
import { acknowledgeNag } from './nag';
import { hashedFolders } from './web-cache';

export interface WebHostingProps {
  stage: string;
  /** The production h5 build (`npm run build:h5 -w miniapp` → miniapp/dist/h5). */
  h5Directory: string;
  /** Origins the app calls besides its own (the API, the upload bucket's presigned URLs): CSP connect-src. */
  connectOrigins: readonly string[];
  /** Origins the app shows images from (presigned GETs of attachments): CSP img-src. */
  imageOrigins: readonly string[];
  /** The ICP-filed domain and its certificate; without it, CloudFront's default domain and certificate. */
  domain?: WebDomain;
}

/**
 * Home of the h5 build in production (decision 0041): a private bucket read
 * only by one CloudFront distribution through Origin Access Control. CloudFront
 * compresses JS/CSS/HTML/JSON/SVG (gzip or Brotli, as the browser accepts);
 * the hashed `js/`, `css/`, `static/` files are uploaded as immutable for a
 * year, `index.html` as `no-cache`, so a deployment is live at the next load.
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  /** `https://` + the domain browsers load the app from: what the API's CORS must allow. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const indexHtml = readIndexHtml(props.h5Directory);
    const prod = props.stage === 'prod';

    // CloudFront standard logs are delivered with an ACL (so OBJECT_WRITER); the site bucket's
    // S3 access logs go here too. Kept 200 days: 网络安全法 art. 21 asks for ≥ 6 months of network logs.
    this.logBucket = new Bucket(this, 'LogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(200) }],
    });
    acknowledgeNag(
      this.logBucket,
      'AwsSolutions-S1',
      'This is the access-log bucket of the web hosting: logging its own access would log into itself; it holds only CloudFront and S3 access logs, expired after 200 days.',
    );

    this.bucket = new Bucket(this, 'SiteBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/',
      // The build is reproducible from git, but prod keeps its bucket (and the old hashed files a
      // cached index.html still names) when the stack goes away; other stages clean up.
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !prod,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `Hongjia ${props.stage}: security headers of the h5 app`,
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(indexHtml, props),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
      },
    });

    // Origin Access Control where CloudFront has it; the aws-cn regions have no OAC resource
    // (CloudFormation's registry for cn-northwest-1, checked at synth), so an identity (OAI) there.
    const region = Stack.of(this).region;
    const china = !Token.isUnresolved(region) && region.startsWith('cn-');
    const behavior: BehaviorOptions = {
      origin: china
        ? S3BucketOrigin.withOriginAccessIdentity(this.bucket)
        : S3BucketOrigin.withOriginAccessControl(this.bucket),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      // CachingOptimized forwards Accept-Encoding (gzip, br) into the cache key; compress does the rest.
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      compress: true,
      responseHeadersPolicy: headers,
    };
    const domain = props.domain;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Hongjia ${props.stage} h5 app`,
      defaultRootObject: 'index.html',
      // index.html: the origin says no-cache; CachingOptimized's 1 s minimum TTL is all the edge keeps.
      defaultBehavior: behavior,
      additionalBehaviors: Object.fromEntries(hashedFolders.map((folder) => [`${folder}/*`, behavior])),
      // SPA fallback: a deep link (/pages/…) is no object in the bucket; OAC answers 403 for a
      // missing key (no s3:ListBucket), so both become the app shell, which routes client-side.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(10),
      })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(domain?.certificateArn
        ? {
            domainNames: [domain.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    if (domain?.iamCertificateId) {
      // aws-cn: the L2 takes only ACM certificates, so the IAM one goes onto the L1.
      const cfn = this.distribution.node.defaultChild as CfnDistribution;
      cfn.addPropertyOverride('DistributionConfig.Aliases', [domain.domainName]);
      cfn.addPropertyOverride('DistributionConfig.ViewerCertificate', {
        IamCertificateId: domain.iamCertificateId,
        SslSupportMethod: 'sni-only',
        MinimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      });
    }
    this.origin = `https://${domain ? domain.domainName : this.distribution.distributionDomainName}`;

    acknowledgeNag(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction: the families of Nanchang who use the h5 app may be travelling or working abroad; the app holds no data, the API behind it authorizes every call.',
    );
    acknowledgeNag(
      this.distribution,
      'AwsSolutions-CFR2',
      'No WAF web ACL on the static app yet: it serves only public build files; whether a stage gets one (and its cost) is decided per stage with the API throttles, decision 0041.',
    );
    if (china) {
      acknowledgeNag(
        this.distribution,
        'AwsSolutions-CFR7',
        'aws-cn regions have no Origin Access Control (AWS::CloudFront::OriginAccessControl does not exist in cn-northwest-1): the legacy origin access identity keeps the bucket private there; the aws-partition stack uses OAC.',
      );
    }
    if (!domain?.certificateArn) {
      acknowledgeNag(
        this.distribution,
        'AwsSolutions-CFR4',
        'Without context webDomain: CloudFront default certificate, which cannot pin a TLS version, until the ICP-filed domain exists. With an IAM certificate (aws-cn) the L1 override requires TLS 1.2 (2021), which the rule does not read.',
      );
    }

    // Hashed files first, then index.html: a browser never gets an index.html naming files not yet
    // uploaded. prune: false keeps the previous build's hashed files for pages loaded before.
    const hashed = new BucketDeployment(this, 'DeployHashedFiles', {
      sources: [Source.asset(props.h5Directory, { exclude: ['index.html'] })],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
    });
    const page = new BucketDeployment(this, 'DeployIndexHtml', {
      sources: [Source.asset(props.h5Directory, { exclude: ['*', '!index.html'] })],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [CacheControl.noCache()],
    });
    page.node.addDependency(hashed);

    // The deployment handler is CDK's singleton function (one per stack, not under this construct):
    // its findings, each acknowledged by name so a new one still fails the synth.
    const stack = Stack.of(this);
    const partition = china ? 'aws-cn' : 'aws';
    const siteBucketId = stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    const handlerFindings: Record<string, string> = {
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        'The BucketDeployment handler (CDK’s own, run only during a deployment) writes its logs with AWSLambdaBasicExecutionRole.',
      ...Object.fromEntries(
        ['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => [
          `AwsSolutions-IAM5[Action::${action}]`,
          `The BucketDeployment handler syncs the build from the CDK asset bucket into the site bucket; CDK grants it ${action} there (read the asset, write and replace objects).`,
        ]),
      ),
      [`AwsSolutions-IAM5[Resource::<${siteBucketId}.Arn>/*]`]:
        'The BucketDeployment handler writes every key of the site bucket (the whole build); the bucket holds nothing else.',
      [`AwsSolutions-IAM5[Resource::arn:${partition}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${region}/*]`]:
        'The BucketDeployment handler reads the zipped build from the CDK bootstrap asset bucket, whose keys are asset hashes.',
      'AwsSolutions-L1':
        'The BucketDeployment handler’s runtime is chosen by aws-cdk-lib (pinned in infra/package.json) and moves with its upgrades.',
    };
    for (const handler of stack.node.children.filter(isDeploymentHandler)) {
      for (const [finding, reason] of Object.entries(handlerFindings))
        acknowledgeNag(handler, finding, reason);
    }
  }
}

function isDeploymentHandler(construct: Construct): boolean {
  return construct.node.id.startsWith('Custom::CDKBucketDeployment');
}

/** The build's index.html, or a synth-time error that says how to make it. */
function readIndexHtml(h5Directory: string): string {
  const path = join(h5Directory, 'index.html');
  if (!existsSync(path)) {
    throw new Error(
      `No h5 build at ${h5Directory} (no index.html): run the production h5 build first ` +
        '(`TARO_APP_API_BASE=<API URL> npm run build:h5 -w miniapp`), or synthesize without web hosting (`-c webHosting=false`).',
    );
  }
  return readFileSync(path, 'utf8');
}

/**
 * Scripts from the app's own origin only, plus the inline ones index.html
 * carries (Taro's rem script), by their hash read from this very build.
 * Styles allow inline: Taro's components set style attributes.
 */
export function contentSecurityPolicy(
  indexHtml: string,
  origins: Pick<WebHostingProps, 'connectOrigins' | 'imageOrigins'>,
): string {
  const inlineScripts = [...indexHtml.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScripts.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${origins.imageOrigins.join(' ')}`.trim(),
    "font-src 'self' data:",
    `connect-src 'self' ${origins.connectOrigins.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
