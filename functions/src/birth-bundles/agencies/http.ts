import type { BundleItemKind } from '../entities';
import { type AgencyAdapter, AgencyError } from './types';

/**
 * The agencies' HTTP gateways (deployed; never called locally): one endpoint
 * per kind, a JSON POST with the idempotency key as a header, the agency's
 * reference in the answer. 4xx other than 408/429 means the agency refused
 * the data (permanent); anything else is worth another attempt.
 */
export function createHttpAgencies(options: {
  endpoints: Partial<Record<BundleItemKind, string>>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): AgencyAdapter {
  const doFetch = options.fetch ?? fetch;
  return {
    async submit(kind, payload, idempotencyKey) {
      const endpoint = options.endpoints[kind];
      if (!endpoint) throw new AgencyError(`no endpoint configured for ${kind}`);
      let answer: Response;
      try {
        answer = await doFetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        });
      } catch (error) {
        throw new AgencyError(`${kind} agency unreachable: ${error instanceof Error ? error.name : 'error'}`);
      }
      if (!answer.ok) {
        const permanent = answer.status >= 400 && answer.status < 500 && ![408, 429].includes(answer.status);
        throw new AgencyError(`${kind} agency answered HTTP ${answer.status}`, permanent);
      }
      const body = (await answer.json()) as { reference?: unknown; childIdNumber?: unknown };
      if (typeof body.reference !== 'string' || !body.reference) {
        throw new AgencyError(`${kind} agency answered without a reference`);
      }
      // 公安 answers the household registration with the child's ID number (decision 0035).
      return {
        reference: body.reference,
        ...(typeof body.childIdNumber === 'string' && body.childIdNumber
          ? { childIdNumber: body.childIdNumber }
          : {}),
      };
    },
  };
}
