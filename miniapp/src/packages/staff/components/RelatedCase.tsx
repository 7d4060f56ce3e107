import {
  districtByCode,
  maskName,
  type RegistrationView,
  type RelatedCase,
  type ReviewReason,
} from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import { parityName, statusNames } from '../../../registration/labels';

interface Side {
  receiptNo: string;
  status: string;
  mother: string;
  father: string;
  parity: string;
  due: string;
  filedAt: string;
  district: string;
}

const rows: { key: keyof Side; name: string }[] = [
  { key: 'receiptNo', name: '受理编号' },
  { key: 'status', name: '状态' },
  { key: 'mother', name: '母亲' },
  { key: 'father', name: '父亲' },
  { key: 'parity', name: '孩次' },
  { key: 'due', name: '预产期' },
  { key: 'filedAt', name: '提交时间' },
  { key: 'district', name: '受理地' },
];

// Both sides masked alike, so the reviewer compares like with like (this case's whole names are above).
const thisSide = (view: RegistrationView): Side => ({
  receiptNo: view.receiptNo,
  status: statusNames[view.status],
  mother: `${maskName(view.mother.name)} ${view.mother.idNumberMasked}`,
  father: `${maskName(view.father.name)} ${view.father.idNumberMasked}`,
  parity: parityName(view.parity),
  due: view.expectedDueDate ?? '未填写',
  filedAt: formatChinaDateTime(view.submittedAt),
  district: districtByCode(view.jurisdiction).name,
});

const otherSide = (related: RelatedCase): Side => ({
  receiptNo: related.receiptNo,
  status: statusNames[related.status],
  mother: `${related.mother.nameMasked} ${related.mother.idNumberMasked}`,
  father: `${related.father.nameMasked} ${related.father.idNumberMasked}`,
  parity: parityName(related.parity),
  due: related.expectedDueDate ?? '未填写',
  filedAt: formatChinaDateTime(related.submittedAt),
  district: districtByCode(related.jurisdiction).name,
});

/**
 * A suspected duplicate side by side (issue 9): this registration and the one
 * the reason names, row by row, so the reviewer sees which of the two is the
 * rightful filing before approving one or voiding the other. Nothing when
 * the server sent no related case (none named, or the reviewer does not
 * cover its district).
 */
export function RelatedCaseCompare({
  view,
  reason,
  id,
}: {
  view: RegistrationView;
  reason: ReviewReason;
  id: string;
}) {
  const related = view.relatedCases?.find((c) => c.id === reason.relatedRegistrationId);
  if (!related) return null;
  const mine = thisSide(view);
  const theirs = otherSide(related);
  return (
    <View className="st-scroll">
      <View className="st-table st-compare" id={id} role="table" aria-label="本登记与相关登记对照">
        <View className="st-tr" role="row">
          {['', '本登记', '相关登记'].map((h) => (
            <View key={h || 'name'} className="st-th" role="columnheader">
              {h}
            </View>
          ))}
        </View>
        {rows.map((row) => (
          <View
            key={row.key}
            className={`st-tr${mine[row.key] === theirs[row.key] ? ' st-same' : ''}`}
            role="row"
          >
            <View className="st-td" role="rowheader">
              <Text>{row.name}</Text>
            </View>
            <View className="st-td" role="cell">
              <Text>{mine[row.key]}</Text>
            </View>
            <View className="st-td" role="cell" id={`${id}-${row.key}`}>
              <Text>{theirs[row.key]}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
