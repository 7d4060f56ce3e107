import { View } from '@tarojs/components';
import { button } from '../../../components/a11y';

/** A large checkbox (☑ / ☐ / ◩ for part) that screen readers announce as a pressed button. */
export function Tick({
  state,
  text,
  id,
  onToggle,
}: {
  state: 'all' | 'some' | 'none';
  text: string;
  id: string;
  onToggle: () => void;
}) {
  return (
    <View
      className={`st-tick${state === 'none' ? '' : ' st-tick--on'}`}
      aria-pressed={state === 'all'}
      onClick={(e) => {
        e.stopPropagation();
        onToggle();
      }}
      {...button(text, id)}
    >
      {state === 'all' ? '☑' : state === 'some' ? '◩' : '☐'}
    </View>
  );
}
