import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLocalFaceVerifier, createWechatFaceVerifier } from '../src/families/face';

const md5 = (value: string) => createHash('md5').update(value, 'utf8').digest('hex');
const person = { userId: 'u_1', name: '王秀英', idNumber: '36010219680315002X' };
const verified = {
  errcode: 0,
  identify_ret: 0,
  openid: 'openid-1',
  id_card_number_md5: md5(person.idNumber),
  name_utf8_md5: md5(person.name),
};

function fakeFetch(answer: unknown, status = 200) {
  const calls: { url: string; body: Record<string, unknown> }[] = [];
  const fetch = (async (url: string | URL, init?: RequestInit) => {
    calls.push({ url: String(url), body: JSON.parse(String(init?.body ?? '{}')) });
    return new Response(JSON.stringify(answer), { status });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const verifier = (answer: unknown, status = 200) => {
  const faked = fakeFetch(answer, status);
  return {
    calls: faked.calls,
    face: createWechatFaceVerifier({
      accessToken: async () => 'token-1',
      openidOf: async () => 'openid-1',
      fetch: faked.fetch,
    }),
  };
};

describe('WeChat face verification', () => {
  it('accepts a result of this user whose ID and name hashes match, asking getinfo with the access token', async () => {
    const { face, calls } = verifier(verified);
    await expect(face.verify({ ...person, faceVerifyResult: 'vr-1' })).resolves.toBe('wechat_face');
    expect(calls[0]?.url).toBe(
      'https://api.weixin.qq.com/cityservice/face/identify/getinfo?access_token=token-1',
    );
    expect(calls[0]?.body).toEqual({ verify_result: 'vr-1' });
  });

  it('requires a result (400 FACE_VERIFICATION_REQUIRED) without calling WeChat', async () => {
    const { face, calls } = verifier(verified);
    await expect(face.verify(person)).rejects.toMatchObject({
      code: 'FACE_VERIFICATION_REQUIRED',
      status: 400,
    });
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['another ID number', { id_card_number_md5: md5('360102196803150038') }],
    ['another name', { name_utf8_md5: md5('王秀兰') }],
    ['another user’s verification', { openid: 'openid-2' }],
    ['a failed verification', { identify_ret: 10003 }],
    ['a result WeChat does not know', { errcode: 40001 }],
  ])('refuses %s (400)', async (_label, change) => {
    const { face } = verifier({ ...verified, ...change });
    await expect(face.verify({ ...person, faceVerifyResult: 'vr-1' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ path: 'body.faceVerifyResult' })],
    });
  });

  it('treats WeChat being unreachable as our failure, not the user’s', async () => {
    const { face } = verifier({}, 502);
    await expect(face.verify({ ...person, faceVerifyResult: 'vr-1' })).rejects.toThrow(/HTTP 502/);
  });

  it('accepts locally and says so', async () => {
    await expect(createLocalFaceVerifier().verify(person)).resolves.toBe('local');
  });
});
