import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { newIdempotencyKey } from '../../../../api/idempotency';
import { Banner } from '../../../../components/Field';
import { SubmitButton } from '../../../../components/SubmitButton';
import { isWeapp } from '../../../../config/env';
import { useSubmit } from '../../../../forms/use-submit';
import type { AttachmentDraft } from '../../../../registration/draft';
import { formatBytes } from '../../../../uploads/put-request';
import { pickFile, uploadFile } from '../../../../uploads/upload';

/**
 * Step 5 (optional): jpg, png or pdf ≤ 10 MB each, straight to object storage by a presigned PUT.
 * Only the upload ids go into the registration.
 */
export function AttachmentsStep({
  attachments,
  onChange,
}: {
  attachments: AttachmentDraft[];
  onChange: (attachments: AttachmentDraft[]) => void;
}) {
  const [uploading, setUploading] = useState<{ name: string; progress?: number }>();
  const form = useSubmit({ fallback: '上传失败，请稍后再试' });

  async function add() {
    form.setBanner(undefined);
    const file = await pickFile();
    if (!file) return;
    setUploading({ name: file.name });
    await form.run(async () => {
      // One key per picked file: a replayed POST returns the same ticket, not a second object.
      const uploadId = await uploadFile(file, newIdempotencyKey(), (progress) =>
        setUploading({ name: file.name, progress }),
      );
      onChange([...attachments, { uploadId, fileName: file.name, size: file.size }]);
    });
    setUploading(undefined);
  }

  return (
    <View>
      <Text className="text">
        可上传结婚证、户口簿、已有子女出生医学证明等的照片或扫描件，帮助工作人员更快审核。没有可以跳过。
      </Text>
      <Text className="muted">
        支持 jpg、png、pdf，每个不超过 10 MB，最多 10 个。{isWeapp ? '可从微信聊天记录或相册中选择。' : ''}
      </Text>
      <Banner id="reg-attach-error" text={form.banner} />
      <View role="list" aria-label="已上传的附件">
        {attachments.map((a, i) => (
          <View key={a.uploadId} className="row rg-summary-row" role="listitem" id={`reg-attach-${i}`}>
            <Text className="text grow">
              {a.fileName}（{formatBytes(a.size)}）
            </Text>
            <SubmitButton
              id={`reg-attach-${i}-remove`}
              label={`移除附件 ${a.fileName}`}
              tone="plain"
              small
              onClick={() => onChange(attachments.filter((_, j) => j !== i))}
            >
              移除
            </SubmitButton>
          </View>
        ))}
      </View>
      {uploading ? (
        <View className="banner banner--info" id="reg-attach-progress" role="status">
          上传中：{uploading.name}
          {uploading.progress !== undefined ? `（${Math.round(uploading.progress * 100)}%）` : '…'}
        </View>
      ) : null}
      {attachments.length < 10 ? (
        <SubmitButton
          id="reg-attach-add"
          label="添加附件"
          tone="plain"
          disabled={Boolean(uploading)}
          onClick={add}
        >
          + 添加附件
        </SubmitButton>
      ) : null}
    </View>
  );
}
