import { ageClassKeys, ageClassRules } from '@hongjia/shared';
import { nextDays, todayInChina } from '@hongjia/shared/calendar/days';
import { dateLabel } from '@hongjia/shared/calendar/format';
import { Input, Switch, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { parseMaxFee, radiusChoicesKm, type SearchFilters } from '../../../childcare/search-query';
import { label } from '../../../components/a11y';
import { type ChipOption, Chips } from '../../../components/Chips';
import { Field } from '../../../components/Field';
import { SubmitButton } from '../../../components/SubmitButton';

const radiusOptions = radiusChoicesKm.map((km) => ({ value: km, text: `${km} 公里`, key: String(km) }));
const classOptions: ChipOption<SearchFilters['ageClass']>[] = [
  { value: undefined, text: '不限', key: 'any' },
  ...ageClassKeys.map((key) => ({ value: key, text: ageClassRules[key].name, key })),
];

/** The search filters; every change applies at once (the fee box on confirm or blur). */
export function FilterPanel({
  filters,
  onChange,
}: {
  filters: SearchFilters;
  onChange: (next: SearchFilters) => void;
}) {
  const [feeText, setFeeText] = useState(filters.maxMonthlyFee?.toString() ?? '');
  const [feeError, setFeeError] = useState<string>();
  const today = todayInChina();
  const dateOptions: ChipOption<string | undefined>[] = [
    { value: undefined, text: '不限日期', key: 'any' },
    ...nextDays(today, 14).map((d) => ({ value: d, text: dateLabel(d, today), key: d })),
  ];

  function applyFee() {
    const parsed = parseMaxFee(feeText);
    if (!parsed.ok) {
      setFeeError(parsed.message);
      return;
    }
    setFeeError(undefined);
    if (parsed.value !== filters.maxMonthlyFee) onChange({ ...filters, maxMonthlyFee: parsed.value });
  }

  return (
    <View className="section" id="filters">
      <Text className="field__label">距离</Text>
      <Chips
        idPrefix="filter-radius"
        label="距离"
        options={radiusOptions}
        value={filters.radiusKm}
        onChange={(radiusKm) => onChange({ ...filters, radiusKm })}
      />
      <Text className="field__label">班级</Text>
      <Chips
        idPrefix="filter-class"
        label="班级"
        options={classOptions}
        value={filters.ageClass}
        onChange={(ageClass) => onChange({ ...filters, ageClass })}
      />
      <Text className="field__label">有空位的日期</Text>
      <Chips
        idPrefix="filter-date"
        label="有空位的日期"
        options={dateOptions}
        value={filters.date}
        onChange={(date) => onChange({ ...filters, date })}
      />
      <View className="row cc-switch-row">
        <Text className="text grow">仅看普惠机构</Text>
        <Switch
          className="cc-switch"
          checked={filters.affordableOnly}
          color="#a61b1b"
          onChange={(e) => onChange({ ...filters, affordableOnly: e.detail.value })}
          {...label('仅看普惠机构', 'filter-affordable')}
        />
      </View>
      <View className="row cc-switch-row">
        <Text className="text grow">仅看示范机构</Text>
        <Switch
          className="cc-switch"
          checked={filters.modelOnly === true}
          color="#a61b1b"
          onChange={(e) => onChange({ ...filters, modelOnly: e.detail.value })}
          {...label('仅看省级、市级示范托育机构', 'filter-model')}
        />
      </View>
      <Field id="filter-max-fee" label="月费上限（元，可不填）" error={feeError}>
        <View className="row">
          <Input
            className="input grow"
            type="number"
            value={feeText}
            placeholder="不限"
            onInput={(e) => setFeeText(e.detail.value)}
            onBlur={applyFee}
            onConfirm={applyFee}
            {...label('月费上限（元）', 'filter-max-fee')}
          />
          <SubmitButton id="filter-max-fee-apply" label="应用月费上限" tone="plain" small onClick={applyFee}>
            应用
          </SubmitButton>
        </View>
      </Field>
    </View>
  );
}
