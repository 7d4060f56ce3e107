import { createCipheriv, randomBytes } from 'node:crypto';
import type { KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { runAsGroup } from '../src/commons/group-scope';
import { createPiiCipher, localDataKeys } from '../src/commons/pii/index';
import { type DataKeySource, kmsDataKeys } from '../src/commons/pii/keys';

const cipher = () => createPiiCipher(localDataKeys(randomBytes(32)), randomBytes(32));

describe('personal data encryption at rest', () => {
  it('opens what it sealed, and the sealed text does not contain the value', async () => {
    const pii = cipher();
    const sealed = await pii.seal('13812345678', 'booking.guardianPhone');
    expect(sealed).toMatch(/^pii2\./);
    expect(sealed).not.toContain('13812345678');
    expect(await pii.open(sealed, 'booking.guardianPhone')).toBe('13812345678');
  });

  it('seals the same value differently each time (random IV)', async () => {
    const pii = cipher();
    expect(await pii.seal('13812345678', 'booking.guardianPhone')).not.toBe(
      await pii.seal('13812345678', 'booking.guardianPhone'),
    );
  });

  it('refuses to open a value under another field name', async () => {
    const pii = cipher();
    const sealed = await pii.seal('13812345678', 'booking.guardianPhone');
    await expect(pii.open(sealed, 'booking.childName')).rejects.toThrow();
  });

  it('refuses a tampered value', async () => {
    const pii = cipher();
    const sealed = await pii.seal('13812345678', 'booking.guardianPhone');
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    await expect(
      pii.open(`${sealed.slice(0, -2)}${last}${sealed.at(-1)}`, 'booking.guardianPhone'),
    ).rejects.toThrow();
  });

  it('opens values sealed by another process that shares the master key', async () => {
    const master = randomBytes(32);
    const lookup = randomBytes(32);
    const sealed = await createPiiCipher(localDataKeys(master), lookup).seal(
      '36010219900101123X',
      'identity.idNumber',
    );
    expect(await createPiiCipher(localDataKeys(master), lookup).open(sealed, 'identity.idNumber')).toBe(
      '36010219900101123X',
    );
  });

  it('gives equal look-up hashes for equal values and purposes only', () => {
    const pii = cipher();
    const hash = pii.lookupHash('36010219900101123X', 'id-number');
    expect(pii.lookupHash('36010219900101123X', 'id-number')).toBe(hash);
    expect(pii.lookupHash('36010219900101123X', 'birth-bundle')).not.toBe(hash);
    expect(hash).not.toContain('36010219900101123X');
  });
});

/** A key source that records which family each request was for. */
function recording(source: DataKeySource) {
  const generated: string[] = [];
  const unwrapped: (string | undefined)[] = [];
  const keys: DataKeySource = {
    generate: async (family) => {
      generated.push(family);
      return source.generate(family);
    },
    unwrap: async (wrapped, family) => {
      unwrapped.push(family);
      return source.unwrap(wrapped, family);
    },
  };
  return { keys, generated, unwrapped };
}

/** A value as the pii1 cipher sealed it: one data key for every field, wrapped without a family. */
function legacySeal(master: Buffer, plaintext: string, field: string): string {
  const dataKey = randomBytes(32);
  const wrapIv = randomBytes(12);
  const wrap = createCipheriv('aes-256-gcm', master, wrapIv);
  const wrapped = Buffer.concat([wrapIv, wrap.update(dataKey), wrap.final(), wrap.getAuthTag()]);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(field));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return ['pii1', wrapped.toString('base64url'), iv.toString('base64url'), body.toString('base64url')].join(
    '.',
  );
}

describe('data keys per field family', () => {
  it('asks for one data key per family (the field name up to its first dot) and reuses it', async () => {
    // Prepare
    const { keys, generated } = recording(localDataKeys(randomBytes(32)));
    const pii = createPiiCipher(keys, randomBytes(32));

    // Act
    await pii.seal('13812345678', 'registration.mother.phone');
    await pii.seal('36010219900101123X', 'registration.mother.idNumber');
    await pii.seal('13812345678', 'booking.guardianPhone');
    await pii.seal('王秀英', 'specialFamily.member.name');

    // Assess
    expect(generated).toEqual(['registration', 'booking', 'specialFamily']);
  });

  it('unwraps a stored data key under the family of the field it is opened for', async () => {
    // Prepare
    const master = randomBytes(32);
    const sealed = await createPiiCipher(localDataKeys(master), undefined).seal(
      '王小明',
      'subsidy.childName',
    );
    const { keys, unwrapped } = recording(localDataKeys(master));

    // Act
    const opened = await createPiiCipher(keys, undefined).open(sealed, 'subsidy.childName');

    // Assess
    expect(opened).toBe('王小明');
    expect(unwrapped).toEqual(['subsidy']);
  });

  it('binds a wrapped data key to its family: it does not unwrap as another', async () => {
    const source = localDataKeys(randomBytes(32));
    const { wrapped, plaintext } = await source.generate('booking');
    expect(await source.unwrap(wrapped, 'booking')).toEqual(plaintext);
    await expect(source.unwrap(wrapped, 'identity')).rejects.toThrow();
    await expect(source.unwrap(wrapped, undefined)).rejects.toThrow();
  });

  it('asks KMS with the family in the encryption context, and without it for pii1 keys', async () => {
    // Prepare
    const sent: { name: string; context: unknown }[] = [];
    const client = {
      send: async (command: { constructor: { name: string }; input: { EncryptionContext?: unknown } }) => {
        sent.push({ name: command.constructor.name, context: command.input.EncryptionContext });
        return { Plaintext: new Uint8Array(32), CiphertextBlob: new Uint8Array(8) };
      },
    } as unknown as KMSClient;
    const keys = kmsDataKeys('key-1', client);

    // Act
    await keys.generate('assistance');
    await keys.unwrap(Buffer.alloc(8), 'assistance');
    await keys.unwrap(Buffer.alloc(8), undefined);

    // Assess
    expect(sent).toEqual([
      { name: 'GenerateDataKeyCommand', context: { purpose: 'hongjia-pii', family: 'assistance' } },
      { name: 'DecryptCommand', context: { purpose: 'hongjia-pii', family: 'assistance' } },
      { name: 'DecryptCommand', context: { purpose: 'hongjia-pii' } },
    ]);
  });

  it('still opens values sealed by the pii1 cipher (one key for all fields)', async () => {
    // Prepare
    const master = randomBytes(32);
    const sealed = legacySeal(master, '13812345678', 'booking.guardianPhone');

    // Act
    const pii = createPiiCipher(localDataKeys(master), undefined);

    // Assess
    expect(await pii.open(sealed, 'booking.guardianPhone')).toBe('13812345678');
    await expect(pii.open(sealed, 'booking.otherPhone')).rejects.toThrow();
  });

  it('refuses a field outside the known families', async () => {
    const pii = cipher();
    await expect(pii.seal('x', 'person.idNumber')).rejects.toThrow(/no personal-data field family/);
    await expect(pii.seal('x', 'f')).rejects.toThrow(/no personal-data field family/);
  });

  it('does not keep a failed data-key request, so the next seal asks again', async () => {
    // Prepare
    const source = localDataKeys(randomBytes(32));
    let failures = 1;
    const keys: DataKeySource = {
      generate: async (family) => {
        if (failures-- > 0) throw new Error('ThrottlingException');
        return source.generate(family);
      },
      unwrap: source.unwrap,
    };
    const pii = createPiiCipher(keys, undefined);

    // Act + Assess
    await expect(pii.seal('x', 'booking.guardianPhone')).rejects.toThrow(/Throttling/);
    await expect(pii.seal('x', 'booking.guardianPhone')).resolves.toMatch(/^pii2\./);
  });
});

describe('a function group seals only the families its manifest names', () => {
  const provider = {
    name: 'provider',
    access: { sessionSecret: 'verify' as const, pii: ['booking' as const] },
  };

  it('lets a group seal and open its families and refuses the others', async () => {
    const pii = cipher();
    const sealed = await pii.seal('王秀英', 'identity.name');
    await runAsGroup(provider, async () => {
      await expect(pii.seal('13812345678', 'booking.guardianPhone')).resolves.toMatch(/^pii2\./);
      await expect(pii.seal('王秀英', 'identity.name')).rejects.toThrow(
        /"provider" may not seal or open "identity"/,
      );
      await expect(pii.open(sealed, 'identity.name')).rejects.toThrow(/may not seal or open/);
    });
  });

  it('refuses look-up hashes to a group without piiLookup, and without a look-up key', async () => {
    const pii = cipher();
    runAsGroup(provider, () => expect(() => pii.lookupHash('x', 'id-number')).toThrow(/piiLookup/));
    runAsGroup({ ...provider, access: { ...provider.access, piiLookup: true } }, () =>
      expect(pii.lookupHash('x', 'id-number')).toHaveLength(43),
    );
    const bookingsOnly = { ...provider, access: { ...provider.access, piiLookup: ['child-slot'] as const } };
    runAsGroup(bookingsOnly, () => {
      expect(pii.lookupHash('x', 'child-slot')).toHaveLength(43);
      expect(() => pii.lookupHash('x', 'id-number')).toThrow(/"id-number" look-up hashes/);
    });
    const withoutKey = createPiiCipher(localDataKeys(randomBytes(32)), undefined);
    expect(() => withoutKey.lookupHash('x', 'id-number')).toThrow(/no personal-data look-up key/);
  });
});
