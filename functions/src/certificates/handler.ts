import { createHttpHandler } from '../commons/router';

/** Certificates group: certificates, verification, print codes, service points (being built). */
export const handler = createHttpHandler([]);
