import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InstitutionEntity, InstitutionItem } from '@hongjia/functions/childcare/entities';
import {
  type AffordableApplicationItem,
  createProgrammeEntities,
  type InspectionItem,
  type KnownOperatorItem,
} from '@hongjia/functions/childcare/programmes/entities';
import { addDays, chinaDate, creditCodeCheckCharacter, districts } from '@hongjia/shared';

/**
 * A little of each supervision programme in the demo city (decision 0034): one 普惠
 * application awaiting review per district (a non-affordable centre, capped at today's fee,
 * its toddler class), two 示范机构, inspections (合格, awaiting rectification, overdue) in
 * every district, and a known-operator list of every filed centre plus a few that never filed,
 * so 登记备案率 is below 1. Deterministic: the same city every time.
 */
export async function seedProgrammes(
  client: DynamoDBDocumentClient,
  table: string,
  institutionEntity: InstitutionEntity,
  institutions: readonly InstitutionItem[],
  now: Date,
) {
  const entities = createProgrammeEntities(client, table);
  const today = chinaDate(now);
  const at = now.toISOString();
  const applications: AffordableApplicationItem[] = [];
  const inspections: InspectionItem[] = [];
  const operators: KnownOperatorItem[] = [];
  const patches: { institutionId: string; set: Partial<InstitutionItem> }[] = [];

  for (const [d, district] of districts.entries()) {
    const local = institutions.filter(
      (item) => item.district === district.code && item.status === 'published',
    );
    const candidate = local.find(
      (item) => !item.affordable && item.classes.some((c) => c.ageClass === 'toddler'),
    );
    if (candidate) {
      const toddler = candidate.classes.find((c) => c.ageClass === 'toddler');
      const applicationId = `aff_seed_${district.code}`;
      applications.push({
        applicationId,
        institutionId: candidate.institutionId,
        institutionName: candidate.name,
        providerId: candidate.providerId,
        district: district.code,
        feeCapYuan: candidate.monthlyFeeYuan,
        monthlyFeeYuan: candidate.monthlyFeeYuan,
        places: [{ ageClass: 'toddler', places: toddler?.capacity ?? 0 }],
        attachments: [],
        note: '承诺按普惠限价收费，托小班全部托位纳入普惠',
        status: 'pending_review',
        createdAt: at,
      });
      patches.push({
        institutionId: candidate.institutionId,
        set: { affordableApplicationId: applicationId, affordableState: 'applied' },
      });
    }
    const [passed, awaiting, overdue] = local.slice(2, 5);
    const inspect = (
      item: InstitutionItem | undefined,
      n: number,
      date: string,
      result: InspectionItem['result'],
      rectifyBy?: string,
    ) => {
      if (!item) return;
      inspections.push({
        inspectionId: `isp_seed_${district.code}_${n}`,
        institutionId: item.institutionId,
        institutionName: item.name,
        providerId: item.providerId,
        district: district.code,
        date,
        inspector: `${district.name}卫健委 安全检查组`,
        result,
        findings:
          result === 'pass' ? '' : n === 2 ? '消防通道堆放杂物，应急照明不亮' : '保育人员与幼儿配比不足',
        ...(rectifyBy ? { rectifyBy } : {}),
        dueOn: rectifyBy ?? date,
        state: result === 'pass' ? 'closed' : 'awaiting_rectification',
        recordedBy: 'seed',
        createdAt: at,
      });
      patches.push({
        institutionId: item.institutionId,
        set: { lastInspectionDate: date, lastInspectionResult: result },
      });
    };
    inspect(passed, 1, addDays(today, -20), 'pass');
    inspect(awaiting, 2, addDays(today, -5), 'rectify', addDays(today, 10));
    inspect(overdue, 3, addDays(today, -30), 'fail', addDays(today, -7));

    for (const item of local) {
      operators.push({
        district: district.code,
        creditCode: item.creditCode,
        name: item.name,
        addedBy: 'seed',
        addedAt: at,
      });
    }
    // Operators known to the district that never filed (家庭托育点, 早教机构 offering care).
    for (let n = 0; n < 3 + (d % 3); n++) {
      const first17 = `52${district.code}${String(900_000_000 + d * 100 + n).slice(-9)}`;
      operators.push({
        district: district.code,
        creditCode: `${first17}${creditCodeCheckCharacter(first17)}`,
        name: `${district.name}未备案托育点 ${n + 1}`,
        addedBy: 'seed',
        addedAt: at,
      });
    }
  }
  // 示范机构: one provincial, one municipal.
  const model = [
    {
      item: institutions.find((i) => i.district === '360102' && i.status === 'published'),
      level: 'provincial',
    },
    {
      item: institutions.find((i) => i.district === '360113' && i.status === 'published'),
      level: 'municipal',
    },
  ] as const;
  for (const { item, level } of model) {
    if (item)
      patches.push({ institutionId: item.institutionId, set: { modelLevel: level, modelYear: 2025 } });
  }

  await entities.applications.put(applications).go({ concurrency: 4 });
  await entities.inspections.put(inspections).go({ concurrency: 4 });
  await entities.operators.put(operators).go({ concurrency: 4 });
  for (const { institutionId, set } of patches)
    await institutionEntity.patch({ institutionId }).set(set).go();
  return { applications: applications.length, inspections: inspections.length, operators: operators.length };
}
