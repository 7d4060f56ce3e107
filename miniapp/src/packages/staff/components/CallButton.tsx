import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { button } from '../../../components/a11y';

/** One tap to call: staff phone the families and their helpers from the record. */
export function CallButton({ phone, who, id }: { phone: string; who: string; id: string }) {
  return (
    <Button
      className="btn btn--plain btn--small"
      onClick={() => Taro.makePhoneCall({ phoneNumber: phone })}
      {...button(`拨打${who}电话 ${phone}`, id)}
    >
      拨打
    </Button>
  );
}
