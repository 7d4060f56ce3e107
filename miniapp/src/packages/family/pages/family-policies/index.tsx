import {
  type FamilyFriendlyPolicy,
  type FamilyPolicyAction,
  familyFriendlyPolicies,
} from '@hongjia/shared/benefits/family-friendly';
import { spokenDate } from '@hongjia/shared/calendar/spoken';
import { Text, View } from '@tarojs/components';
import { NavButton } from '../../../../components/NavButton';
import { PageShell } from '../../../../components/PageShell';
import { routes } from '../../../../config/routes';
import '../../special-assistance.css';

/** Where each "what to do next" opens. */
const actionRoutes: Record<FamilyPolicyAction, string> = {
  subsidies: routes.subsidies,
  birthBundle: routes.birthBundle,
  registration: routes.registration,
  childcare: routes.childcare,
  servicePoints: routes.servicePoints,
};

const topics: ReadonlyArray<{ topic: FamilyFriendlyPolicy['topic']; title: string }> = [
  { topic: 'insurance', title: '生育保险' },
  { topic: 'leave', title: '产假、陪产假和育儿假' },
  { topic: 'subsidy', title: '育儿补贴和减税' },
  { topic: 'childcare', title: '托育服务' },
];

function PolicyCard({ policy }: { policy: FamilyFriendlyPolicy }) {
  return (
    <View className="sa-card" role="listitem" id={`family-policy-${policy.id}`}>
      <Text className="sa-card__name title">{policy.title}</Text>
      <Text className="text">{policy.summary}</Text>
      {policy.points.map((point) => (
        <Text key={point} className="text">
          · {point}
        </Text>
      ))}
      <Text className="muted">自{spokenDate(policy.effectiveFrom)}起施行</Text>
      <Text className="muted" id={`family-policy-${policy.id}-source`}>
        依据：{policy.source}
      </Text>
      {policy.confirmed ? null : (
        <Text className="muted" id={`family-policy-${policy.id}-unconfirmed`}>
          此项尚未与官方公布文本逐字核对，办理前请向所在单位或县区卫生健康委员会确认。
        </Text>
      )}
      {policy.next.map((next) => (
        <NavButton
          key={next.action}
          id={`family-policy-${policy.id}-${next.action}`}
          label={next.label}
          tone="primary"
          where={{ to: actionRoutes[next.action] }}
        />
      ))}
    </View>
  );
}

/** 生育支持政策: 生育保险, Jiangxi's leave, 育儿补贴 and childcare, each with its source and what to do next. */
export default function FamilyPolicies() {
  return (
    <PageShell name="family-policies">
      <View className="section" id="family-policies-intro">
        <Text className="text">
          生育、养育孩子可以享受的保险、假期、补贴和托育服务，每一项都注明了依据和施行日期。
        </Text>
      </View>
      {topics.map(({ topic, title }) => (
        <View key={topic} className="section" role="list" aria-label={title} id={`family-policies-${topic}`}>
          <Text className="title">{title}</Text>
          {familyFriendlyPolicies
            .filter((p) => p.topic === topic)
            .map((policy) => (
              <PolicyCard key={policy.id} policy={policy} />
            ))}
        </View>
      ))}
    </PageShell>
  );
}
