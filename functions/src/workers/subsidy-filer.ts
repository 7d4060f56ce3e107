import { AgencyError } from '../birth-bundles';
import { AppError } from '../commons/errors';
import { operationIdOf } from '../commons/ids';
import type { SubsidyApplication } from '../subsidies';
import type { SubsidyFiler } from './bundle-outbox';

/** Answers that another attempt cannot change (the family must act, or staff). */
const permanentCodes = new Set(['IDENTITY_REQUIRED', 'SUBSIDY_NOT_ELIGIBLE', 'VALIDATION_FAILED']);

/**
 * The 育儿补贴 item's adapter (decision 0035): the same application a family files by hand,
 * in the bundle owner's name, named by an operation id derived from the bundle — so a
 * re-send after a lost lease or a crash finds the application it filed, never a second.
 * The family's own earlier application for the child (SUBSIDY_EXISTS) counts as done.
 */
export function subsidyFilerOver(application: Pick<SubsidyApplication, 'apply'>): SubsidyFiler {
  return async (filing, now) => {
    const operationId = operationIdOf({
      callerId: filing.userId,
      routeKey: 'birth-bundle:childcare_subsidy',
      key: filing.bundleId,
      payload: '',
    });
    try {
      const created = await application.apply(
        { id: filing.userId, roles: ['family'] },
        {
          childName: filing.childName,
          childIdNumber: filing.childIdNumber,
          childBirthDate: filing.childBirthDate,
          hukouDistrict: filing.hukouDistrict as Parameters<SubsidyApplication['apply']>[1]['hukouDistrict'],
          guardianConsent: true,
        },
        now,
        operationId,
        filing.consentAt,
      );
      return { reference: created.id };
    } catch (error) {
      if (error instanceof AppError && error.code === 'SUBSIDY_EXISTS') return { reference: '已自行申请' };
      if (error instanceof AppError)
        throw new AgencyError(`childcare subsidy refused: ${error.code}`, permanentCodes.has(error.code));
      throw error;
    }
  };
}
