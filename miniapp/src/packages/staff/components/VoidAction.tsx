import { type RegistrationView, VoidRequest } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { createKeyKeeper } from '../../../api/key-keeper';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { NoteField } from '../../../components/NoteField';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../forms/use-submit';
import { useNote } from './use-note';

/**
 * 作废 of an approved registration that should not have been approved (filed
 * under someone else's or a mistyped number, say): a reason the family will
 * read, a confirmation, and the version loaded (a stale one is refused, 409,
 * and the page reloads). The certificate stops verifying and the pregnancy
 * is freed for the rightful filing.
 */
export function VoidAction({
  view,
  onVoided,
  onStale,
  onError,
}: {
  view: RegistrationView;
  onVoided: (updated: RegistrationView) => void;
  onStale: () => void;
  onError: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const note = useNote();
  const form = useSubmit();
  const keys = useRef(createKeyKeeper()).current;

  async function confirm() {
    const checked = VoidRequest.safeParse({ reason: note.value, expectedVersion: view.version });
    if (!checked.success) {
      note.setError(checked.error.issues[0]?.message);
      return;
    }
    const body = checked.data;
    await form.run(
      async () => {
        const updated = await call(api.voidRegistration, {
          params: { id: view.id },
          body,
          idempotencyKey: keys.keyFor({ id: view.id, ...body }),
        });
        setOpen(false);
        note.clear();
        onVoided(updated);
        Taro.showToast({ title: '已作废', icon: 'success' });
      },
      {
        onApiError: (e) => {
          if (e.code !== 'CONFLICT') return false;
          setOpen(false);
          onStale();
          return true;
        },
        // The page shows it, above the decision.
        onFailure: (failure) => {
          setOpen(false);
          onError(failure.banner ?? '操作失败，请稍后再试');
        },
      },
    );
  }

  return (
    <View className="section" id="review-void-section">
      <Text className="muted">
        通过有误（例如他人用错误的身份证号登记）时可作废：电子证明随之失效，家庭会收到通知，同一孩次的正确登记即可审核通过。
      </Text>
      <SubmitButton
        id="review-void"
        label="作废这份登记"
        tone="danger"
        onClick={() => {
          note.setError(undefined);
          setOpen(true);
        }}
      >
        作废
      </SubmitButton>
      {open ? (
        <ConfirmDialog
          id="void-dialog"
          title="作废这份已通过的登记？"
          message={`${view.receiptNo}：作废后电子证明失效，家庭会看到作废原因。此操作会记入审计日志。`}
          confirmText="确认作废"
          danger
          busy={form.busy}
          onConfirm={() => void confirm()}
          onCancel={() => setOpen(false)}
        >
          <NoteField
            id="void-reason"
            label="作废原因（必填，家庭会看到）"
            spoken="作废原因"
            {...note.field}
          />
        </ConfirmDialog>
      ) : null}
    </View>
  );
}
