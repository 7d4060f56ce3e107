import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { api } from '@hongjia/shared';
import { createUserEntity, createUserStore } from '../auth/users';
import { createPolicyStore } from '../benefits/policy-store';
import { accessTableName } from '../commons/dynamo';
import { createGuardEntity, createGuards } from '../commons/guards';
import { piiCipher } from '../commons/pii';
import { implement, type RouteImplementation } from '../commons/router';
import { createIdentityEntity, createPolicyVersionEntity } from '../families/entities';
import type { Notifier } from '../notifications/notifier';
import { createAccessChecks } from '../staff/jurisdiction';
import { createSubsidyApplication } from './application';
import { createSubsidyEntity } from './entity';
import { createSubsidyFamilySide } from './family';
import { createSubsidyPayments } from './payments';
import { createSubsidyRecords } from './records';
import { createSubsidyReview } from './review';

export interface SubsidiesDeps {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}

/** The 育儿补贴 services wired to the table (also used by the worker and the tests). */
export function createSubsidyServicesFor(deps: SubsidiesDeps) {
  const { client, table, notifier } = deps;
  const records = createSubsidyRecords(createSubsidyEntity(client, table));
  const guards = createGuards(createGuardEntity(client, table));
  const access = createAccessChecks(createUserStore(createUserEntity(client, accessTableName())));
  return {
    records,
    application: createSubsidyApplication({
      records,
      guards,
      identities: createIdentityEntity(client, table),
      policies: createPolicyStore(createPolicyVersionEntity(client, table)),
      cipher: piiCipher,
    }),
    family: createSubsidyFamilySide(records),
    review: createSubsidyReview({ records, guards, access, notifier }),
    payments: createSubsidyPayments({ records, access, notifier }),
  };
}

/** 育儿补贴: apply, my applications and their yearly confirmation, the district's review and payments. */
export function createSubsidiesRoutes(deps: SubsidiesDeps): RouteImplementation[] {
  const { application, family, review, payments } = createSubsidyServicesFor(deps);
  return [
    implement(api.applyChildcareSubsidy, ({ caller, body, now }) => application.apply(caller, body, now)),
    implement(api.myChildcareSubsidies, ({ caller, query }) => family.listMine(caller, query)),
    implement(api.renewChildcareSubsidy, ({ caller, params, now }) => family.renew(caller, params.id, now)),
    implement(api.staffChildcareSubsidies, ({ caller, query }) => review.list(caller, query)),
    implement(api.reviewChildcareSubsidy, ({ caller, params, body, now }) =>
      review.review(caller, params.id, body, now),
    ),
    implement(api.recordSubsidyPayment, ({ caller, params, body, now }) =>
      payments.record(caller, params.id, body, now),
    ),
  ];
}
