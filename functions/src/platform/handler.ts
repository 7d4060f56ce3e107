import { api } from '@hongjia/shared';
import { createHttpHandler, implementPublic } from '../commons/router';
import { buildOpenApiDocument } from './openapi';

const apiVersion = '0.1.0';
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const handler = createHttpHandler(
  [
    implementPublic(api.health, async ({ now }) => ({
      status: 'ok' as const,
      service: 'hongjia' as const,
      time: now.toISOString(),
    })),
    implementPublic(api.openapi, async () => {
      document ??= buildOpenApiDocument(api, apiVersion);
      return document;
    }),
  ],
  { anonymousOnly: true },
);
