import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { privacySections, privacyVersion } from '../../privacy/policy';

/** The full 隐私保护指引. Readable before agreeing, so it has no personal data of its own. */
export default function Privacy() {
  return (
    <PageShell name="privacy" gate={false}>
      <View className="section">
        <Text className="title">洪家隐私保护指引</Text>
        <Text className="muted">版本 {privacyVersion}</Text>
      </View>
      {privacySections.map((section) => (
        <View className="section" key={section.title}>
          <Text className="title">{section.title}</Text>
          {section.paragraphs.map((paragraph) => (
            <Text className="text privacy-paragraph" key={paragraph}>
              {paragraph}
            </Text>
          ))}
        </View>
      ))}
    </PageShell>
  );
}
