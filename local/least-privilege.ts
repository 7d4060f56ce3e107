import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableGrantsOf } from '@hongjia/functions/access-grants';
import { currentGroup } from '@hongjia/functions/commons/group-scope';
import { tableSpecs } from '@hongjia/infra/table-spec';
import { localTableName } from './dynamodb';

interface StoreRequest {
  tableName: string;
  action: string;
  indexName?: string;
}

/** The tables and the action one DynamoDB call asks for, as IAM would see it. */
function requestsOf(commandName: string, input: Record<string, unknown>): StoreRequest[] {
  const action = commandName.replace(/Command$/, '');
  if (action === 'BatchGetItem' || action === 'BatchWriteItem') {
    return Object.keys((input.RequestItems ?? {}) as object).map((tableName) => ({ tableName, action }));
  }
  const tableName = String(input.TableName ?? '');
  const indexName = typeof input.IndexName === 'string' ? input.IndexName : undefined;
  return [{ tableName, action, ...(indexName ? { indexName } : {}) }];
}

/**
 * Refuses, in the local runtime, every DynamoDB call that the calling function
 * group's IAM policy would refuse deployed: the same grants (functions/src/
 * access-grants.ts, from the manifest) that the CDK stack turns into IAM
 * statements. Calls made as no group (seed, tests) pass. A refused call fails
 * like AccessDeniedException, so a route that needs more than its group
 * declares answers 500 in the integration tests instead of in production.
 * S3 and secrets are not checked here; their grants are proven by the CDK
 * assertion tests alone.
 */
export function enforceGroupGrants(client: DynamoDBDocumentClient): void {
  const roleOfTable = new Map(tableSpecs.map((spec) => [localTableName(spec), spec.id.toLowerCase()]));
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const scope = currentGroup();
      if (scope) {
        const grants = tableGrantsOf(scope.access);
        for (const request of requestsOf(context.commandName ?? '', args.input as Record<string, unknown>)) {
          const role = roleOfTable.get(request.tableName);
          const grant = grants.find((candidate) => candidate.table === role);
          const allowed = request.indexName
            ? grant?.indexQuery === true && request.action === 'Query'
            : (grant?.actions as readonly string[] | undefined)?.includes(request.action) === true;
          if (!allowed) {
            const where = `${role ?? request.tableName} table${request.indexName ? ` (index ${request.indexName})` : ''}`;
            throw Object.assign(
              new Error(
                `function group "${scope.name}" is not allowed ${request.action} on the ${where}: see its manifest access`,
              ),
              { name: 'AccessDeniedException', $fault: 'client' },
            );
          }
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'local-least-privilege', override: true },
  );
}
