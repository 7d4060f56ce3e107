import type {
  ConflictKind,
  ConflictSideName,
  ConflictStatus,
  ConflictView,
  DistrictCode,
} from '@hongjia/shared';
import { Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { Chips } from '../../../components/Chips';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Banner } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { NoteField } from '../../../components/NoteField';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { useSubmit } from '../../../forms/use-submit';
import { routeParam } from '../../../lib/route-param';
import { usePaged } from '../../../state/paged';
import { ConflictCard } from '../components/ConflictCard';
import { DistrictChips } from '../components/DistrictChips';
import { useNote } from '../components/use-note';
import { StaffConsole } from '../console/StaffConsole';
import {
  conflictKindNames,
  conflictKinds,
  conflictRoutes,
  conflictStatusNames,
  isConflictKind,
  resolutionBody,
  resolveConfirm,
} from '../model/conflicts';
import '../staff.css';

const kindOptions = conflictKinds.map((k) => ({ value: k, text: conflictKindNames[k], key: k }));
const statusOptions = (['open', 'resolved'] as const).map((s) => ({
  value: s as ConflictStatus,
  text: conflictStatusNames[s],
  key: s,
}));

type Resolving = { conflict: ConflictView; standing: ConflictSideName };

/**
 * 申请冲突核对: per kind (育儿补贴, 出生一件事, 机构备案), the jurisdiction's conflicts oldest first.
 * Each card shows both sides with the evidence; choosing a side asks for a reason and a
 * confirmation, and carries the version loaded, so two reviewers cannot both decide (the second
 * gets 409 and the list reloads). `?kind=` opens one kind directly (the 工作台 buttons).
 */
export default function ConflictsPage() {
  const session = useSession();
  const param = routeParam(useRouter().params.kind);
  const [kind, setKind] = useState<ConflictKind>(isConflictKind(param) ? param : 'childcare_subsidy');
  const [status, setStatus] = useState<ConflictStatus>('open');
  const [district, setDistrict] = useState<DistrictCode>();
  const [resolving, setResolving] = useState<Resolving>();
  const note = useNote();
  const form = useSubmit({ fallback: '操作失败，请稍后再试' });
  const load = useCallback(
    (cursor?: string) =>
      call(conflictRoutes[kind].list, { query: { status, cursor, ...(district ? { district } : {}) } }),
    [kind, status, district],
  );
  const list = usePaged(load, { reloadWhen: session });
  const { reload } = list;

  async function resolve({ conflict, standing }: Resolving) {
    const body = resolutionBody(conflict, standing, note.value.trim());
    if (!body.success) {
      note.setError(body.error.issues[0]?.message);
      return;
    }
    const done = await form.run(
      async () => {
        const updated = await call(conflictRoutes[conflict.kind].resolve, {
          params: { id: conflict.id },
          body: body.data,
        });
        note.clear();
        list.setItems((items) =>
          status === 'open'
            ? items.filter((c) => c.id !== conflict.id)
            : items.map((c) => (c.id === updated.id ? updated : c)),
        );
        Taro.showToast({ title: '已处理', icon: 'success' });
      },
      {
        onApiError: (e) => {
          if (e.code !== 'CONFLICT') return false;
          form.setBanner('这个冲突已被其他工作人员处理，列表已刷新。');
          return true;
        },
      },
    );
    setResolving(undefined);
    if (!done) void reload();
  }

  if (!session) {
    return (
      <PageShell name="staff-conflicts">
        <SignInPrompt reason="卫健工作人员登录后核对申请冲突。" />
      </PageShell>
    );
  }
  return (
    <PageShell name="staff-conflicts">
      <StaffConsole current="conflicts">
        <Chips idPrefix="conflicts-kind" label="事项" options={kindOptions} value={kind} onChange={setKind} />
        <Chips
          idPrefix="conflicts-status"
          label="处理状态"
          options={statusOptions}
          value={status}
          onChange={setStatus}
        />
        {session.user.cityWide ? (
          <DistrictChips idPrefix="conflicts-district" value={district} onChange={setDistrict} />
        ) : null}
        <Text className="muted">
          两份申请指向同一孩子、出生医学证明或信用代码时，由工作人员核对原件后决定以哪一方为准。申请人只会看到“工作人员将进行核对”。
        </Text>
        <Banner id="conflicts-error" text={form.banner ?? list.error} />
        {list.loaded && list.items.length === 0 && !list.loading ? (
          <Text className="muted" id="conflicts-empty">
            没有{conflictStatusNames[status]}的{conflictKindNames[kind]}冲突。
          </Text>
        ) : null}
        {list.items.map((c) => (
          <ConflictCard
            key={c.id}
            conflict={c}
            onResolve={(standing) => {
              note.setError(undefined);
              setResolving({ conflict: c, standing });
            }}
          />
        ))}
        <LoadMore list={list} what="冲突" id="conflicts-more" />
      </StaffConsole>
      {resolving ? (
        <ConfirmDialog
          id="conflict-dialog"
          {...resolveConfirm(resolving.conflict, resolving.standing)}
          confirmText="确认处理"
          danger
          busy={form.busy}
          onConfirm={() => void resolve(resolving)}
          onCancel={() => setResolving(undefined)}
        >
          <NoteField
            id="conflict-comment"
            label="核对意见（必填，留档，不会发给申请人）"
            spoken="核对意见"
            {...note.field}
          />
        </ConfirmDialog>
      ) : null}
    </PageShell>
  );
}
