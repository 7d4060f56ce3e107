import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { NoteField } from '../../../components/NoteField';
import type { ReviewDecision } from './use-review-decision';

interface Props<T extends { id: string }> {
  id: string;
  /** The reason box's id (browser tests fill it). */
  reasonId: string;
  review: ReviewDecision<T>;
  /** What the reviewer is asked, and what the decision will do, for the item and verdict at hand. */
  title: { approve: string; reject: string };
  message: (item: T, verdict: 'approve' | 'reject') => string;
}

/** The confirmation of a review decision, with the reason box when it is a rejection. */
export function ReviewDecisionDialog<T extends { id: string }>({
  id,
  reasonId,
  review,
  title,
  message,
}: Props<T>) {
  const { deciding } = review;
  if (!deciding) return null;
  const approve = deciding.verdict === 'approve';
  return (
    <ConfirmDialog
      id={id}
      title={approve ? title.approve : title.reject}
      message={message(deciding.item, deciding.verdict)}
      confirmText={approve ? '确认通过' : '确认驳回'}
      danger={!approve}
      busy={review.form.busy}
      onConfirm={() => review.decide()}
      onCancel={review.cancel}
    >
      {approve ? null : <NoteField id={reasonId} label="驳回理由" {...review.note.field} />}
    </ConfirmDialog>
  );
}
