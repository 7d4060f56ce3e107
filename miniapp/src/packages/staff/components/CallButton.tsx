import Taro from '@tarojs/taro';
import { SubmitButton } from '../../../components/SubmitButton';

/** One tap to call: staff phone the families and their helpers from the record. */
export function CallButton({ phone, who, id }: { phone: string; who: string; id: string }) {
  return (
    <SubmitButton
      id={id}
      label={`拨打${who}电话 ${phone}`}
      tone="plain"
      small
      onClick={() => Taro.makePhoneCall({ phoneNumber: phone })}
    >
      拨打
    </SubmitButton>
  );
}
