import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { DataKeySource } from './keys';

/**
 * Field-level encryption of personal data at rest (SPEC §4): ID numbers,
 * phones, names of special families. A sealed value is
 * `pii1.<wrapped data key>.<iv>.<ciphertext+tag>` (base64url), AES-256-GCM with
 * the field's name as associated data, so a value copied into another field
 * does not open. One data key per process (cached), unwrapped keys cached too.
 *
 * Look-ups never decrypt: `lookupHash` is an HMAC under a key kept apart from
 * the data keys, so equal inputs give equal hashes (duplicate checks, binding
 * a user to a person) without storing the value.
 */
export interface PiiCipher {
  seal(plaintext: string, field: string): Promise<string>;
  open(sealed: string, field: string): Promise<string>;
  lookupHash(value: string, purpose: string): string;
}

const prefix = 'pii1';

export function createPiiCipher(keys: DataKeySource, lookupKey: Buffer): PiiCipher {
  let current: Promise<{ plaintext: Buffer; wrapped: string }> | undefined;
  const unwrapped = new Map<string, Promise<Buffer>>();

  const dataKey = () => {
    current ??= keys.generate().then(({ plaintext, wrapped }) => {
      const encoded = wrapped.toString('base64url');
      unwrapped.set(encoded, Promise.resolve(plaintext));
      return { plaintext, wrapped: encoded };
    });
    return current;
  };

  return {
    async seal(plaintext, field) {
      const key = await dataKey();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key.plaintext, iv);
      cipher.setAAD(Buffer.from(field));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [prefix, key.wrapped, iv.toString('base64url'), body.toString('base64url')].join('.');
    },

    async open(sealed, field) {
      const [version, wrapped, iv, body] = sealed.split('.');
      if (version !== prefix || !wrapped || !iv || !body) throw new Error('Not a sealed PII value');
      let key = unwrapped.get(wrapped);
      if (!key) {
        key = keys.unwrap(Buffer.from(wrapped, 'base64url'));
        unwrapped.set(wrapped, key);
      }
      const bytes = Buffer.from(body, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', await key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      return Buffer.concat([
        decipher.update(bytes.subarray(0, bytes.length - 16)),
        decipher.final(),
      ]).toString('utf8');
    },

    lookupHash(value, purpose) {
      return createHmac('sha256', lookupKey).update(`${purpose}\u0000${value}`).digest('base64url');
    },
  };
}
