import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { ServiceCard } from '../../components/ServiceCard';
import { services } from './services';
import './index.css';

export default function Home() {
  return (
    <PageShell name="home">
      <View className="home-header">
        <Text className="home-header__brand">洪家</Text>
        <Text className="home-header__sub">南昌市家庭服务</Text>
      </View>
      {/* Not role="list": its children are buttons, and a list may hold only list items (axe). */}
      <View className="home-services">
        {services.map((service) => (
          <ServiceCard key={service.key} service={service} />
        ))}
      </View>
    </PageShell>
  );
}
