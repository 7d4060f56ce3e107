import type { ErrorDetail, SessionUser } from '@hongjia/shared';
import { validationFailed } from '../../commons/errors';
import type { UploadEntity } from '../../uploads';

/**
 * Evidence of a 普惠 application or a rectification: uploads the caller made through the
 * ordinary upload route (POST /v1/uploads). The provider group holds no bucket grant, so
 * the evidence is checked by its upload record (the caller's own, of a permitted type) and
 * kept as id and file name; reading the bytes back stays the upload capability's
 * (decision 0034 says why it is not copied here).
 */
export async function checkedEvidence(
  uploads: UploadEntity,
  caller: SessionUser,
  ids: readonly string[],
): Promise<{ id: string; fileName: string }[]> {
  const problems: ErrorDetail[] = [];
  const found: { id: string; fileName: string }[] = [];
  if (new Set(ids).size !== ids.length) {
    throw validationFailed('附件重复', [{ path: 'body.attachmentIds', message: '同一附件只能添加一次' }]);
  }
  for (const [index, id] of ids.entries()) {
    const item = (await uploads.get({ uploadId: id }).go({ consistent: true })).data;
    if (!item || item.userId !== caller.id) {
      problems.push({ path: `body.attachmentIds.${index}`, message: '附件不存在，请重新上传' });
    } else found.push({ id, fileName: item.fileName });
  }
  if (problems.length) throw validationFailed(problems[0]?.message ?? '附件不正确', problems);
  return found;
}
