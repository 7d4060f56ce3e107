import {
  columnNames,
  districtByCode,
  type ImportView,
  type MonitoringSource,
  sourceNames,
} from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Switch, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { isApiError } from '../../../api/errors';
import { newIdempotencyKey } from '../../../api/idempotency';
import { useSession } from '../../../auth/session';
import { label } from '../../../components/a11y';
import { Chips } from '../../../components/Chips';
import { Banner } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { apiBase } from '../../../config/env';
import { useWideLayout } from '../../../console/use-wide-layout';
import { useSubmit } from '../../../forms/use-submit';
import type { Column } from '../../../lib/table';
import { usePaged } from '../../../state/paged';
import { ImportProgress } from '../components/ImportProgress';
import { ConsoleList } from '../console/ConsoleList';
import { StaffConsole } from '../console/StaffConsole';
import { openStaffFile } from '../model/file-download';
import { pickImportFile, uploadImportFile } from '../model/import-upload';
import {
  errorRows,
  type ImportPhase,
  importCounts,
  importLine,
  isFinished,
  phaseOf,
  sourceOptions,
  statusNames,
  templateOf,
} from '../model/monitoring';
import '../staff.css';

const pollMs = 1000;

/** Console and CSV columns of the import records (no personal data: counts and file names). */
const importColumns: Column<ImportView>[] = [
  {
    key: 'createdAt',
    header: '导入时间',
    text: (v) => formatChinaDateTime(v.createdAt),
    sortBy: (v) => Date.parse(v.createdAt),
  },
  { key: 'source', header: '数据来源', text: (v) => sourceNames[v.source] },
  { key: 'fileName', header: '文件名', text: (v) => v.fileName },
  { key: 'scope', header: '范围', text: (v) => (v.scope === 'city' ? '全市' : districtByCode(v.scope).name) },
  { key: 'dryRun', header: '试导入', text: (v) => (v.dryRun ? '是' : '否') },
  { key: 'status', header: '状态', text: (v) => statusNames[v.status] },
  { key: 'rows', header: '行数', text: (v) => String(v.rows), sortBy: (v) => v.rows },
  { key: 'accepted', header: '导入', text: (v) => String(v.accepted), sortBy: (v) => v.accepted },
  { key: 'duplicates', header: '重复', text: (v) => String(v.duplicates), sortBy: (v) => v.duplicates },
  { key: 'rejected', header: '错误', text: (v) => String(v.rejected), sortBy: (v) => v.rejected },
  { key: 'failure', header: '失败原因', text: (v) => v.failure?.message ?? '', csvOnly: true },
];

/**
 * 数据导入: choose the source, pick a csv/xlsx file, upload it (SHA-256
 * declared), queue the import, and follow its progress until the counts, the
 * first errors and the errors.csv link are there; below, the district's
 * imports. The import runs on the server whether or not the page stays open.
 */
export default function MonitoringImportPage() {
  const session = useSession();
  const [source, setSource] = useState<MonitoringSource>('hospital_delivery');
  const [dryRun, setDryRun] = useState(false);
  const [phase, setPhase] = useState<ImportPhase>({ state: 'idle' });
  const [current, setCurrent] = useState<ImportView>();
  const [imports, setImports] = useState<ImportView[]>([]);
  const form = useSubmit({ fallback: '导入失败，请稍后再试' });
  const { setBanner } = form;
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const loadList = useCallback(() => {
    call(api.monitoringImports, { query: { limit: 20 }, loading: false })
      .then((page) => setImports(page.items))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (session) loadList();
    return () => clearTimeout(timer.current);
  }, [session, loadList]);

  // The console pages through every import; it reloads when the short list above does (an import finished).
  const wide = useWideLayout();
  const loadImports = useCallback(
    (cursor?: string) => call(api.monitoringImports, { query: { limit: 20, ...(cursor ? { cursor } : {}) } }),
    [],
  );
  const records = usePaged(loadImports, { reloadWhen: wide && session ? imports : undefined });

  const follow = useCallback(
    (id: string) => {
      call(api.monitoringImport, { params: { id }, loading: false })
        .then((view) => {
          setCurrent(view);
          setPhase(phaseOf(view));
          if (isFinished(view)) loadList();
          else timer.current = setTimeout(() => follow(id), pollMs);
        })
        .catch((e: unknown) => {
          // A dropped poll is tried again; the import goes on on the server.
          if (isApiError(e) && e.status === 404) setBanner(e.message);
          else timer.current = setTimeout(() => follow(id), pollMs * 3);
        });
    },
    [loadList, setBanner],
  );

  const start = async () => {
    setBanner(undefined);
    const file = await pickImportFile();
    if (!file) return;
    clearTimeout(timer.current);
    setCurrent(undefined);
    setPhase({ state: 'uploading', progress: undefined });
    const done = await form.run(async () => {
      const uploadId = await uploadImportFile(file, newIdempotencyKey(), (progress) =>
        setPhase({ state: 'uploading', progress }),
      );
      const view = await call(api.createMonitoringImport, { body: { source, uploadId, dryRun } });
      setCurrent(view);
      setPhase(phaseOf(view));
      follow(view.id);
    });
    if (!done) setPhase({ state: 'idle' });
  };

  const downloadErrors = (view: ImportView) => {
    const url = `${apiBase}/v1/staff/monitoring/imports/${encodeURIComponent(view.id)}/errors.csv`;
    openStaffFile(url, `错误清单-${view.fileName.replace(/\.(csv|xlsx)$/i, '')}.csv`, 'csv').catch(
      (e: unknown) => setBanner(isApiError(e) ? e.message : '下载失败，请稍后再试'),
    );
  };

  if (!session) {
    return (
      <PageShell name="staff-monitoring-import">
        <SignInPrompt reason="卫健工作人员登录后导入人口监测数据。" />
      </PageShell>
    );
  }
  const busy = phase.state === 'uploading' || phase.state === 'queued' || phase.state === 'running';
  const rows = current ? errorRows(current, columnNames) : [];
  return (
    <PageShell name="staff-monitoring-import">
      <StaffConsole current="monitoring-import">
        <Banner id="import-error" text={form.banner} />
        <View className="section">
          <Text className="title">数据导入</Text>
          <Text className="muted">选择数据来源，再选择 csv 或 xlsx 文件（不超过 100 MB）。</Text>
          <Chips
            idPrefix="import-source"
            label="数据来源"
            options={sourceOptions}
            value={source}
            onChange={setSource}
          />
          <Text className="muted" id="import-template">
            第一行应为：{templateOf(source)}
          </Text>
          <View className="st-fact">
            <Text className="st-fact__name">试导入</Text>
            <View className="st-fact__value">
              <Text className="muted">只检查文件，不写入任何数据</Text>
              <Switch
                className="st-switch"
                checked={dryRun}
                onChange={(e) => setDryRun(e.detail.value)}
                {...label('试导入：只检查文件，不写入', 'import-dry-run')}
              />
            </View>
          </View>
          <SubmitButton id="import-pick" label="选择文件并导入" disabled={busy} onClick={start}>
            {busy ? '导入中…' : '选择文件并导入'}
          </SubmitButton>
        </View>

        {phase.state !== 'idle' ? <ImportProgress id="import-progress" phase={phase} /> : null}

        {current && isFinished(current) ? (
          <View className="section" id="import-result">
            <Text className="title">{current.fileName}</Text>
            {current.failure ? (
              <Banner id="import-failure" text={current.failure.message} />
            ) : (
              <Text className="text" id="import-counts">
                {importCounts(current)}
              </Text>
            )}
            {rows.length > 0 ? (
              <View className="st-scroll">
                <View className="st-table" id="import-errors" role="table" aria-label="错误行">
                  <View className="st-tr" role="row">
                    {['行', '列', '问题'].map((h) => (
                      <View key={h} className="st-th" role="columnheader">
                        {h}
                      </View>
                    ))}
                  </View>
                  {rows.map((row) => (
                    <View key={row.key} className="st-tr" role="row">
                      <View className="st-td" role="cell">
                        {row.row}
                      </View>
                      <View className="st-td" role="cell">
                        {row.field}
                      </View>
                      <View className="st-td st-td--wrap" role="cell">
                        {row.message}
                      </View>
                    </View>
                  ))}
                </View>
              </View>
            ) : null}
            {current.rejected > 0 ? (
              <SubmitButton
                id="import-errors-csv"
                label={`下载全部 ${current.rejected} 行错误清单（errors.csv）`}
                tone="plain"
                onClick={() => downloadErrors(current)}
              >
                下载错误清单（{current.rejected} 行）
              </SubmitButton>
            ) : null}
          </View>
        ) : null}

        {wide ? (
          <ConsoleList
            id="imports"
            title="人口监测导入记录"
            list={records}
            load={loadImports}
            columns={importColumns}
            keyOf={(v) => v.id}
            rowLabel={(v) => `${v.fileName}，${statusNames[v.status]}，在右侧打开`}
            dateOf={(v) => v.createdAt}
            pane={(v) => (
              <View className="section" id={`import-pane-${v.id}`}>
                <Text className="text">{importLine(v)}</Text>
                {v.status === 'done' ? <Text className="muted">{importCounts(v)}</Text> : null}
                {v.failure ? <Text className="text st-below">{v.failure.message}</Text> : null}
                {v.rejected > 0 ? (
                  <SubmitButton
                    id={`import-pane-${v.id}-errors`}
                    label={`下载 ${v.fileName} 的错误清单`}
                    tone="plain"
                    small
                    onClick={() => downloadErrors(v)}
                  >
                    错误清单
                  </SubmitButton>
                ) : null}
              </View>
            )}
            paneLabel="导入详情"
          />
        ) : null}
        <View className="section" id="import-list" style={wide ? { display: 'none' } : undefined}>
          <Text className="title">导入记录</Text>
          {imports.length === 0 ? <Text className="muted">暂无导入记录。</Text> : null}
          {imports.map((item) => (
            <View key={item.id} className="st-fact" id={`import-${item.id}`}>
              <Text className="st-fact__value">{importLine(item)}</Text>
              {item.rejected > 0 ? (
                <SubmitButton
                  id={`import-${item.id}-errors`}
                  label={`下载 ${item.fileName} 的错误清单`}
                  tone="plain"
                  small
                  onClick={() => downloadErrors(item)}
                >
                  错误清单
                </SubmitButton>
              ) : null}
            </View>
          ))}
        </View>
      </StaffConsole>
    </PageShell>
  );
}
