import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { createKeyKeeper } from '../../../api/key-keeper';
import { useSubmit } from '../../../forms/use-submit';
import { useNote } from './use-note';

export type ReviewVerdict = 'approve' | 'reject';
export type ReviewBody = { decision: 'approve' } | { decision: 'reject'; reason: string };

export interface ReviewDecisionOptions<T extends { id: string }> {
  /** Who reads a rejection's reason (机构, 家庭): said when the reason is missing. */
  reasonReader: string;
  /** The toast after an approval; a rejection says 已驳回. */
  approvedToast: string;
  /** Sends the decision; `idempotencyKey` repeats for a retried identical decision. */
  send: (item: T, body: ReviewBody, idempotencyKey: string) => Promise<unknown>;
  /** Takes the decided item off the list (it left the status the list shows). */
  onDecided: (item: T) => void;
  /** The list as the server has it now, after a failure (someone else may have decided it). */
  reload: () => unknown;
}

/**
 * One staff decision on a submission (备案, 普惠申报, 证明材料): approve once, or reject with a
 * reason the submitter will read. Holds the item being decided, the reason box, the submit state
 * and the idempotency key, so each review page only says what it decides and how it is sent.
 */
export function useReviewDecision<T extends { id: string }>(options: ReviewDecisionOptions<T>) {
  const [deciding, setDeciding] = useState<{ item: T; verdict: ReviewVerdict }>();
  const note = useNote();
  const form = useSubmit({ fallback: '操作失败，请稍后再试' });
  const keys = useRef(createKeyKeeper()).current;

  async function decide() {
    if (!deciding) return;
    const { item, verdict } = deciding;
    const reason = note.value.trim();
    if (verdict === 'reject' && reason === '') {
      note.setError(`驳回时请填写理由，${options.reasonReader}会看到它`);
      return;
    }
    const body: ReviewBody = verdict === 'approve' ? { decision: verdict } : { decision: verdict, reason };
    const done = await form.run(async () => {
      await options.send(item, body, keys.keyFor({ id: item.id, body }));
      note.clear();
      options.onDecided(item);
      Taro.showToast({ title: verdict === 'approve' ? options.approvedToast : '已驳回', icon: 'success' });
    });
    setDeciding(undefined);
    if (!done) void options.reload();
  }

  return {
    deciding,
    form,
    note,
    ask: (item: T, verdict: ReviewVerdict) => setDeciding({ item, verdict }),
    decide,
    cancel: () => {
      setDeciding(undefined);
      note.setError(undefined);
    },
  };
}

export type ReviewDecision<T extends { id: string }> = ReturnType<typeof useReviewDecision<T>>;
