import { type BindIdentityRequest, PersonName } from '@hongjia/shared';
import { idNumberHint } from './id-hint';

export interface IdentityDraft {
  name: string;
  idNumber: string;
}

export type IdentityErrors = Partial<Record<keyof IdentityDraft, string>>;

/** Every problem of the form at once, in the server's words (the same shared rules). */
export function validateIdentity(draft: IdentityDraft, today: string): IdentityErrors {
  const errors: IdentityErrors = {};
  const name = PersonName.safeParse(draft.name);
  if (!name.success) errors.name = name.error.issues[0]?.message ?? '请填写姓名';
  const idNumber = draft.idNumber.trim() === '' ? '请填写身份证号' : idNumberHint(draft.idNumber, today);
  if (idNumber) errors.idNumber = idNumber;
  return errors;
}

export function toBindRequest(draft: IdentityDraft, faceVerifyResult?: string): BindIdentityRequest {
  return {
    name: draft.name.trim(),
    idNumber: draft.idNumber.trim().toUpperCase(),
    ...(faceVerifyResult ? { faceVerifyResult } : {}),
  };
}

/** Said when the number is already bound to another WeChat account (409): who can sort it out. */
export const alreadyBoundMessage =
  '这个身份证号已经和另一个微信账号绑定。如果不是您本人或家人绑定的，请带上身份证联系户籍所在县区卫生健康委员会，工作人员会帮您核实处理。这次尝试已经记录，工作人员可以看到。';

export const whyWeAsk =
  '我们请您实名认证，是为了把您和卫健部门的家庭档案、扶助政策对应上，不用您再跑腿提交材料。身份证号加密保存，页面上只显示部分号码，不会用于其他用途。';
