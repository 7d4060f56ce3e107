import { api, type RouteContract } from '@hongjia/shared';

/**
 * The Lambda functions, one per capability group, and the routes each serves.
 * Read by the CDK stack (one NodejsFunction and its HTTP API routes per group),
 * by the local runtime (which imports the same handler files) and by the
 * OpenAPI generator. A route belongs to exactly one group.
 */
export interface FunctionGroup {
  /** Short name, also the CDK construct id and the log service name. */
  name: string;
  /** Handler file, relative to the functions package; exports `handler`. */
  entry: string;
  routes: readonly RouteContract[];
  /** Least-privilege data access for this group. */
  access: {
    mainTable: 'RO' | 'RW';
    idempotencyTable?: 'RW';
    uploadBucket?: 'RO' | 'RW';
    sessionSecret: 'verify' | 'sign';
    wechatSecret?: boolean;
  };
  memoryMb?: number;
}

export const functionGroups: readonly FunctionGroup[] = [
  {
    name: 'platform',
    entry: 'src/platform/handler.ts',
    routes: [api.health, api.openapi],
    access: { mainTable: 'RO', sessionSecret: 'verify' },
  },
  {
    name: 'auth',
    entry: 'src/auth/handler.ts',
    routes: [api.signIn, api.me, api.recordConsent, api.listConsents],
    access: { mainTable: 'RW', idempotencyTable: 'RW', sessionSecret: 'sign', wechatSecret: true },
  },
];
