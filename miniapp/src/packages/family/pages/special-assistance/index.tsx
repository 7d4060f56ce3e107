import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../../components/ComingSoon';

/** Special families' pages never show birth or childcare promotion (SPEC C3): keep this page to help only. */
export default function SpecialAssistance() {
  return (
    <ComingSoon name="special-assistance" title="特殊家庭帮扶">
      <Text className="text">查看您可以享受的扶助政策，以及每项政策符合或不符合的原因。</Text>
      <Text className="text">需要生活照料、就医、心理慰藉或养老帮助时，可在这里提出，由您的联系人跟进。</Text>
      <Text className="text">也可以查看您的联系人和家庭签约医生。</Text>
    </ComingSoon>
  );
}
