import { health, openapi } from '@hongjia/shared/api/routes';
import { createHttpHandler, implementPublic } from '../commons/router';
import { openApiDocument } from '../platform/openapi-document';

export const handler = createHttpHandler(
  [
    implementPublic(health, async ({ now }) => ({
      status: 'ok' as const,
      service: 'hongjia' as const,
      time: now.toISOString(),
    })),
    implementPublic(openapi, async () => openApiDocument()),
  ],
  { anonymousOnly: true },
);
