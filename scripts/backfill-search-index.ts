/**
 * One-off: puts institutions and slots written before decision 0032 into the
 * search index (functions/src/childcare/search/backfill.ts). Safe to run twice
 * and to stop at any point: progress is written to the state file after every
 * Scan page and the next run starts from it.
 *
 *   TABLE_NAME=<main table> AWS_REGION=cn-north-1 npx tsx scripts/backfill-search-index.ts [state.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createInstitutionEntity, createSlotEntity } from '@hongjia/functions/childcare/entities';
import { type BackfillProgress, backfillSearchIndex } from '@hongjia/functions/childcare/search/backfill';

const table = process.env.TABLE_NAME;
if (!table) throw new Error('TABLE_NAME names the main table');
const stateFile = process.argv[2] ?? 'search-index-backfill.json';
const from = existsSync(stateFile)
  ? (JSON.parse(readFileSync(stateFile, 'utf8')) as BackfillProgress)
  : undefined;
if (from?.phase === 'done') {
  console.log(`${stateFile}: done already`);
} else {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const totals = await backfillSearchIndex(
    {
      institutions: createInstitutionEntity(client, table),
      slots: createSlotEntity(client, table),
      client,
      table,
    },
    {
      ...(from ? { from } : {}),
      onPage: (progress) => writeFileSync(stateFile, JSON.stringify(progress)),
    },
  );
  console.log(`search index backfill: ${totals.updated} items updated, ${totals.skipped} skipped`);
}
