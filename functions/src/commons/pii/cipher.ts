import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import {
  assertFamilyAllowed,
  assertLookupAllowed,
  familyOfField,
  type LookupPurpose,
  type PiiFamily,
} from './families';
import type { DataKeySource } from './keys';

/**
 * Field-level encryption of personal data at rest (SPEC §4): ID numbers,
 * phones, names of special families. A sealed value is
 * `pii2.<wrapped data key>.<iv>.<ciphertext+tag>` (base64url), AES-256-GCM with
 * the field's name as associated data, so a value copied into another field
 * does not open. The data key belongs to the field's family (the first segment
 * of its name, see families.ts) and is wrapped under that family's encryption
 * context, so KMS — and IAM's conditions on that context — decide per family
 * which function group may seal or open it (decision 0016). One data key per
 * family and process (cached), unwrapped keys cached too.
 *
 * `pii1` values (one data key for everything, wrapped without a family) still
 * open, wherever the key source may unwrap them: the local runtime's data dirs
 * hold such values; a deployed function is granted no KMS access without a
 * family, so none are expected there (decision 0016).
 *
 * Look-ups never decrypt: `lookupHash` is an HMAC under a key kept apart from
 * the data keys, so equal inputs give equal hashes (duplicate checks, binding
 * a user to a person) without storing the value.
 */
export interface PiiCipher {
  seal(plaintext: string, field: string): Promise<string>;
  open(sealed: string, field: string): Promise<string>;
  lookupHash(value: string, purpose: LookupPurpose): string;
}

const prefix = 'pii2';
const legacyPrefix = 'pii1';

/** `lookupKey` is absent in a group that seals or opens but never looks up (manifest `piiLookup`). */
export function createPiiCipher(keys: DataKeySource, lookupKey: Buffer | undefined): PiiCipher {
  const current = new Map<PiiFamily, Promise<{ plaintext: Buffer; wrapped: string }>>();
  /** Keyed by family (`''` for pii1) and wrapped key: a key unwrapped for one family never serves another. */
  const unwrapped = new Map<string, Promise<Buffer>>();

  const dataKey = (family: PiiFamily) => {
    let key = current.get(family);
    if (!key) {
      key = keys.generate(family).then(({ plaintext, wrapped }) => {
        const encoded = wrapped.toString('base64url');
        unwrapped.set(`${family}:${encoded}`, Promise.resolve(plaintext));
        return { plaintext, wrapped: encoded };
      });
      // A failed request (KMS throttled, access denied) must not stay cached.
      key.catch(() => current.delete(family));
      current.set(family, key);
    }
    return key;
  };

  const unwrap = (wrapped: string, family: PiiFamily | undefined) => {
    const cacheKey = `${family ?? ''}:${wrapped}`;
    let key = unwrapped.get(cacheKey);
    if (!key) {
      key = keys.unwrap(Buffer.from(wrapped, 'base64url'), family);
      key.catch(() => unwrapped.delete(cacheKey));
      unwrapped.set(cacheKey, key);
    }
    return key;
  };

  return {
    async seal(plaintext, field) {
      const family = familyOfField(field);
      assertFamilyAllowed(family);
      const key = await dataKey(family);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key.plaintext, iv);
      cipher.setAAD(Buffer.from(field));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [prefix, key.wrapped, iv.toString('base64url'), body.toString('base64url')].join('.');
    },

    async open(sealed, field) {
      const family = familyOfField(field);
      assertFamilyAllowed(family);
      const [version, wrapped, iv, body] = sealed.split('.');
      if ((version !== prefix && version !== legacyPrefix) || !wrapped || !iv || !body) {
        throw new Error('Not a sealed PII value');
      }
      const key = await unwrap(wrapped, version === prefix ? family : undefined);
      const bytes = Buffer.from(body, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      return Buffer.concat([
        decipher.update(bytes.subarray(0, bytes.length - 16)),
        decipher.final(),
      ]).toString('utf8');
    },

    lookupHash(value, purpose) {
      assertLookupAllowed(purpose);
      if (!lookupKey) throw new Error('This function group has no personal-data look-up key');
      return createHmac('sha256', lookupKey).update(`${purpose}\u0000${value}`).digest('base64url');
    },
  };
}
