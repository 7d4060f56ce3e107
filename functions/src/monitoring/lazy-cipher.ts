import { type PiiCipher, piiCipher } from '../commons/pii';

/** The process's cipher for code wired before it is loaded: seals and opens wait for it; look-ups need it loaded. */
export function lazyCipher(source: () => Promise<PiiCipher> = piiCipher): PiiCipher {
  let loaded: PiiCipher | undefined;
  const load = async () => {
    loaded ??= await source();
    return loaded;
  };
  return {
    seal: async (plaintext, field) => (await load()).seal(plaintext, field),
    open: async (sealed, field) => (await load()).open(sealed, field),
    lookupHash(value, purpose) {
      if (!loaded) throw new Error('lazyCipher: look-ups need the cipher loaded first (await piiCipher())');
      return loaded.lookupHash(value, purpose);
    },
  };
}
