import { createHttpHandler } from '../commons/router';

/** Registration group: uploads, registrations, staff review, birth bundles (being built). */
export const handler = createHttpHandler([]);
