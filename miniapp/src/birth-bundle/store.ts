import { readStorage, storageKeys, writeStorage } from '../state/storage';

/**
 * The family's 出生一件事 applications on this phone. The contract has no list endpoint, so the
 * ids are kept here (ids only, no personal data) to find the progress page again.
 */
export interface StoredBundle {
  id: string;
  createdAt: string;
}

export function storedBundles(): StoredBundle[] {
  const value = readStorage(storageKeys.birthBundles);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is StoredBundle => typeof v?.id === 'string' && typeof v?.createdAt === 'string',
  );
}

export function rememberBundle(bundle: StoredBundle): void {
  const rest = storedBundles().filter((b) => b.id !== bundle.id);
  writeStorage(storageKeys.birthBundles, [bundle, ...rest].slice(0, 20));
}
