import { Text, View } from '@tarojs/components';
import type { SubsidyPreview } from '../../../../subsidies/preview';
import { YearTable } from './YearTable';

/** The live estimate under the form, always labelled 预计: the server decides. */
export function SubsidyPreviewBox({ preview }: { preview: SubsidyPreview | undefined }) {
  if (!preview) {
    return (
      <Text className="muted" id="subsidy-preview">
        填好孩子的身份证号后，这里会显示预计可领的月数和金额。
      </Text>
    );
  }
  return (
    <View
      className={`sb-preview${preview.eligible ? '' : ' sb-preview--no'}`}
      id="subsidy-preview"
      role="status"
    >
      <Text className="text">{preview.headline}</Text>
      {preview.range ? <Text className="text">{preview.range}</Text> : null}
      <YearTable id="subsidy-preview-years" rows={preview.byYear} />
      <Text className="muted">以上为预计，以县区卫健委审核结果为准。</Text>
    </View>
  );
}
