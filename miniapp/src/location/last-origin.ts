import { type DistrictCode, isDistrictCode } from '@hongjia/shared';

/**
 * The remembered origin choice: a district, or "use my location". Coordinates themselves are
 * never stored (we told the user they are not kept).
 */
export type OriginChoice = { kind: 'district'; code: DistrictCode } | { kind: 'location' };

export function parseOriginChoice(stored: unknown): OriginChoice | undefined {
  if (stored === 'location') return { kind: 'location' };
  if (typeof stored === 'string' && stored.startsWith('district:')) {
    const code = stored.slice('district:'.length);
    if (isDistrictCode(code)) return { kind: 'district', code };
  }
  return undefined;
}

export function serializeOriginChoice(choice: OriginChoice): string {
  return choice.kind === 'location' ? 'location' : `district:${choice.code}`;
}
