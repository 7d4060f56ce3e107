import { Text, View } from '@tarojs/components';
import { button } from '../../../../components/a11y';
import { guardianConsentText } from '../../../../subsidies/form';

/**
 * The guardian's consent for a child's data (PIPL art. 31): a real checkbox the user ticks,
 * never ticked in advance. A large row, so the whole sentence is the tap target.
 */
export function GuardianConsent({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <View
      className={`sb-check${checked ? ' sb-check--on' : ''}`}
      onClick={() => onChange(!checked)}
      aria-checked={checked}
      {...button('监护人同意', 'subsidy-consent')}
      role="checkbox"
    >
      <View className="sb-check__box" aria-hidden>
        {checked ? '✓' : ''}
      </View>
      <Text className="text">{guardianConsentText}</Text>
    </View>
  );
}
