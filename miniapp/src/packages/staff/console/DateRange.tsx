/**
 * The 提交日期 range of the console's toolbar. No staff list API takes dates, so the range
 * filters only the rows loaded so far (the note says so); status and district go to the server.
 */
export function DateRange({
  id,
  value,
  onChange,
  loaded,
}: {
  id: string;
  value: { from?: string; to?: string };
  onChange: (range: { from?: string; to?: string }) => void;
  loaded: number;
}) {
  return (
    <>
      <label htmlFor={`${id}-from`}>
        提交日期从
        <input
          id={`${id}-from`}
          type="date"
          value={value.from ?? ''}
          onChange={(e) => onChange({ ...value, from: e.target.value || undefined })}
        />
      </label>
      <label htmlFor={`${id}-to`}>
        到
        <input
          id={`${id}-to`}
          type="date"
          value={value.to ?? ''}
          onChange={(e) => onChange({ ...value, to: e.target.value || undefined })}
        />
      </label>
      {value.from || value.to ? (
        <span className="console-note" id={`${id}-note`}>
          日期筛选只作用于已加载的 {loaded} 条（接口不支持按日期查询）
        </span>
      ) : null}
    </>
  );
}
