import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/errors';
import { type SubmitOptions, useSubmit } from '../src/forms/use-submit';

type Form = ReturnType<typeof useSubmit>;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** A component that only holds the hook and hands its value out on every render. */
function Probe({ options, onRender }: { options?: SubmitOptions; onRender: (form: Form) => void }) {
  onRender(useSubmit(options));
  return null;
}

/** Mounts the probe and hands back the hook's latest value. */
function mountForm(options?: SubmitOptions): () => Form {
  let latest: Form | undefined;
  const root = createRoot(document.createElement('div'));
  act(() =>
    root.render(
      createElement(Probe, {
        options,
        onRender: (form) => {
          latest = form;
        },
      }),
    ),
  );
  unmount = () => act(() => root.unmount());
  return () => latest as Form;
}

const refused = new ApiError({
  code: 'VALIDATION_FAILED',
  status: 400,
  message: '请求参数有误',
  details: [
    { path: 'body.childName', message: '请填写孩子姓名' },
    { path: 'params.slotId', message: '时段不存在' },
  ],
});

describe('useSubmit', () => {
  it('is busy while the request is out and sends nothing on a second tap', async () => {
    const form = mountForm({ fields: ['childName'] });
    let release: () => void = () => undefined;
    let sent = 0;
    const task = () => {
      sent += 1;
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    };
    let first: Promise<boolean> | undefined;
    await act(async () => {
      first = form().run(task);
    });
    expect(form().busy).toBe(true);
    let second: boolean | undefined;
    await act(async () => {
      second = await form().run(task);
    });
    expect(second).toBe(false);
    expect(sent).toBe(1);
    await act(async () => {
      release();
      await first;
    });
    expect(await first).toBe(true);
    expect(form().busy).toBe(false);
  });

  it('puts the envelope’s details under the form’s fields and the rest in the banner', async () => {
    const form = mountForm({ fields: ['childName'], fallback: '预约失败，请稍后再试' });
    await act(async () => {
      await form().run(() => Promise.reject(refused));
    });
    expect(form().errors).toEqual({ childName: '请填写孩子姓名' });
    expect(form().banner).toBe('时段不存在');
    expect(form().busy).toBe(false);
  });

  it('lets the page answer a code itself, and shows the form’s sentence for anything that is no API error', async () => {
    const form = mountForm({ fields: ['childName'], fallback: '预约失败，请稍后再试' });
    const seen: string[] = [];
    await act(async () => {
      await form().run(
        () => Promise.reject(new ApiError({ code: 'SLOT_FULL', status: 409, message: '已满' })),
        {
          onApiError: (e) => {
            seen.push(e.code);
            return true;
          },
        },
      );
    });
    expect(seen).toEqual(['SLOT_FULL']);
    expect(form().banner).toBeUndefined();
    await act(async () => {
      await form().run(() => Promise.reject(new TypeError('x is undefined')));
    });
    expect(form().banner).toBe('预约失败，请稍后再试');
  });

  it('drops a field’s message, and those under it, once it is edited', async () => {
    const form = mountForm();
    await act(async () => {
      form().setErrors({ mother: '缺少母亲信息', 'mother.phone': '手机号格式不对', marriageDate: '请填写' });
    });
    await act(async () => {
      form().clearErrors(['mother']);
    });
    expect(form().errors).toEqual({ marriageDate: '请填写' });
  });
});
