import type { DistrictCode } from '@hongjia/shared';
import { useEffect, useState } from 'react';
import type { Origin } from '../childcare/search-query';
import { readStorage, writeStorage } from '../state/storage';
import { parseOriginChoice, serializeOriginChoice } from './last-origin';
import { locate } from './locate';

/**
 * Where a nearby search starts, shared by 托育服务 and 服务网点: the district picker on first
 * open (never an uninvited location prompt), the remembered choice afterwards, and the district
 * fallback when location is refused. `storageKey` keeps each page's choice apart.
 */
export function useOrigin(storageKey: string) {
  const [origin, setOrigin] = useState<Origin>();
  const [picking, setPicking] = useState(false);
  const [explaining, setExplaining] = useState(false);
  const [notice, setNotice] = useState<string>();

  async function startLocating() {
    setExplaining(false);
    const point = await locate();
    if (point) {
      writeStorage(storageKey, serializeOriginChoice({ kind: 'location' }));
      setNotice(undefined);
      setPicking(false);
      setOrigin({ kind: 'point', ...point });
    } else {
      setNotice('未能获取您的位置（未授权或定位失败），请选择县区查找。');
      setPicking(true);
    }
  }

  function chooseDistrict(code: DistrictCode) {
    writeStorage(storageKey, serializeOriginChoice({ kind: 'district', code }));
    setNotice(undefined);
    setPicking(false);
    setOrigin({ kind: 'district', code });
  }

  // "My location" was chosen by the user before, so it is asked for again directly.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on open.
  useEffect(() => {
    const choice = parseOriginChoice(readStorage(storageKey));
    if (!choice) setPicking(true);
    else if (choice.kind === 'district') setOrigin({ kind: 'district', code: choice.code });
    else void startLocating();
  }, []);

  return {
    origin,
    picking,
    setPicking,
    explaining,
    setExplaining,
    notice,
    startLocating,
    chooseDistrict,
  };
}
