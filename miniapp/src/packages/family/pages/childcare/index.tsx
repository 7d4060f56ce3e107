import { Text } from '@tarojs/components';
import { ComingSoon } from '../../../../components/ComingSoon';

export default function Childcare() {
  return (
    <ComingSoon name="childcare" title="托育服务">
      <Text className="text">在地图和列表中查找附近的托育机构，可只看普惠机构、按月费筛选。</Text>
      <Text className="text">
        查看空余名额并预约，名额已满时可排队候补。查找附近时才会请求您的大致位置，不同意也可按县区查找。
      </Text>
    </ComingSoon>
  );
}
