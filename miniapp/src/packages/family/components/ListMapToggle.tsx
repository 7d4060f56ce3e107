import { SubmitButton } from '../../../components/SubmitButton';

export type ListOrMap = 'list' | 'map';

/** 列表 / 地图: the two views of a nearby search (托育服务, 服务网点); the one shown is the primary. */
export function ListMapToggle({
  idPrefix = '',
  view,
  onChange,
}: {
  idPrefix?: string;
  view: ListOrMap;
  onChange: (view: ListOrMap) => void;
}) {
  return (
    <>
      <SubmitButton
        id={`${idPrefix}view-list`}
        label="列表查看"
        tone={view === 'list' ? 'primary' : 'plain'}
        small
        grow
        onClick={() => onChange('list')}
      >
        列表
      </SubmitButton>
      <SubmitButton
        id={`${idPrefix}view-map`}
        label="地图查看"
        tone={view === 'map' ? 'primary' : 'plain'}
        small
        grow
        onClick={() => onChange('map')}
      >
        地图
      </SubmitButton>
    </>
  );
}
