import { Text, View } from '@tarojs/components';
import { type ImportPhase, phaseText } from '../model/monitoring';

/**
 * The bar while a file uploads and its import runs: a filled track with the
 * words beside it (weapp's upload has no progress: the bar then pulses).
 */
export function ImportProgress({ id, phase }: { id: string; phase: ImportPhase }) {
  if (phase.state === 'idle') return null;
  const fraction = phase.progress;
  const percent = fraction === undefined ? 100 : Math.round(fraction * 100);
  return (
    <View className="section" id={id} aria-live="polite">
      <Text className="text" id={`${id}-text`}>
        {phaseText(phase)}
      </Text>
      <View
        className="st-progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === undefined ? undefined : percent}
        aria-label={phaseText(phase)}
      >
        <View
          className={`st-progress__bar${fraction === undefined ? ' st-progress__bar--busy' : ''}${
            phase.state === 'failed' ? ' st-progress__bar--failed' : ''
          }`}
          style={{ width: `${percent}%` }}
        />
      </View>
    </View>
  );
}
