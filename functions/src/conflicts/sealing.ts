import type { PiiCipher } from '../commons/pii';

/** The part of a side that is personal: facts and evidence notes opened only for staff. */
export interface SideDetail {
  facts: { label: string; value: string }[];
  evidence: string[];
}

const field = 'conflict.side';

export async function sealSide(cipher: PiiCipher, detail: SideDetail): Promise<string> {
  return cipher.seal(JSON.stringify(detail), field);
}

export async function openSide(cipher: PiiCipher, sealed: string): Promise<SideDetail> {
  return JSON.parse(await cipher.open(sealed, field)) as SideDetail;
}
