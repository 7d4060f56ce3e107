import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { counterFields, type DistrictCode, emptyFigures, type Figures } from '@hongjia/shared';
import { QueryCommand, UpdateCommand } from '../commons/dynamo';
import { isConditionFailure } from '../commons/guards';

/**
 * The per-district-month counters and their exactly-once protocol
 * (decision 0020). One item per district and month holds one number per
 * figure, and one marker attribute per writer that has added to it:
 * `w_<writer>` = the last step of that writer applied here.
 *
 * A writer is something that adds to counters in numbered steps, one at a
 * time, never two steps at once (an import: its chunks, in order, under a
 * lease; a registration's matching job: its runs). Applying step s of writer w
 * is ONE conditional UpdateItem: ADD the deltas and SET the marker to s, if the
 * marker is absent or below s. So a step applied again — a resumed chunk, a
 * duplicated message, a stale run that lost its lease — changes nothing, with
 * no transaction and on dynalite as on DynamoDB. Markers are removed by a
 * prune message sent when the writer finishes, delayed longer than any run of
 * it can live, so no run that could apply an old step again is left.
 */
export type CounterKey = `${DistrictCode}#${string}`;

export const counterKeyOf = (district: DistrictCode, month: string): CounterKey => `${district}#${month}`;

export function splitCounterKey(key: string): { district: DistrictCode; month: string } {
  const [district, month] = key.split('#') as [DistrictCode, string];
  return { district, month };
}

export interface CounterStore {
  /** Adds `deltas` once for (writer, step): true when applied now, false when it had been. */
  apply(key: CounterKey, deltas: Partial<Figures>, writer: string, step: number): Promise<boolean>;
  /** Removes a finished writer's marker (only while it still names `step` or an earlier one). */
  forget(key: CounterKey, writer: string, step: number): Promise<void>;
  /** The figures of one district's months from `from` to `to` (absent months: none). One Query. */
  read(district: DistrictCode, from: string, to: string): Promise<{ month: string; figures: Figures }[]>;
}

const pkOf = (district: string) => `$hongjia#monitoringcounter#district_${district}`;
const skOf = (month: string) => `month_${month}`;
/** Attribute names are free-form in expressions; writer ids are made of [A-Za-z0-9_#-]. */
const markerOf = (writer: string) => `w_${writer}`;

export function createCounterStore(client: DynamoDBDocumentClient, table: string): CounterStore {
  return {
    async apply(key, deltas, writer, step) {
      const { district, month } = splitCounterKey(key);
      const names: Record<string, string> = { '#m': markerOf(writer), '#d': 'district', '#mo': 'month' };
      const values: Record<string, unknown> = { ':s': step, ':d': district, ':mo': month };
      const adds: string[] = [];
      counterFields.forEach((field, index) => {
        const value = deltas[field] ?? 0;
        if (value === 0) return;
        names[`#f${index}`] = field;
        values[`:f${index}`] = value;
        adds.push(`#f${index} :f${index}`);
      });
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: pkOf(district), sk: skOf(month) },
            UpdateExpression: `SET #m = :s, #d = :d, #mo = :mo${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
            ConditionExpression: 'attribute_not_exists(#m) OR #m < :s',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async forget(key, writer, step) {
      const { district, month } = splitCounterKey(key);
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: pkOf(district), sk: skOf(month) },
            UpdateExpression: 'REMOVE #m',
            ConditionExpression: '#m <= :s',
            ExpressionAttributeNames: { '#m': markerOf(writer) },
            ExpressionAttributeValues: { ':s': step },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    async read(district, from, to) {
      const months: { month: string; figures: Figures }[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': pkOf(district), ':from': skOf(from), ':to': skOf(to) },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          const figures = emptyFigures();
          for (const field of counterFields) figures[field] = Number(item[field] ?? 0);
          months.push({ month: String(item.month), figures });
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return months;
    },
  };
}
