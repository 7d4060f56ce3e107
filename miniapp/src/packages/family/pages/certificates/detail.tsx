import { districtByCode } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useMemo, useRef, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { newIdempotencyKey } from '../../../../api/idempotency';
import { useSession } from '../../../../auth/session';
import { Banner } from '../../../../components/Field';
import { LoadState } from '../../../../components/LoadState';
import { NavButton } from '../../../../components/NavButton';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { SubmitButton } from '../../../../components/SubmitButton';
import { routes } from '../../../../config/routes';
import { useSubmit } from '../../../../forms/use-submit';
import { routeParam } from '../../../../lib/route-param';
import { useLoaded } from '../../../../state/loaded';
import { QrBox } from '../../components/QrBox';
import '../../registration.css';

/** 证件详情: the certificate card with its QR, and a one-time print code for a self-service printer. */
export default function CertificatePage() {
  const session = useSession();
  const id = routeParam(useRouter().params.id);
  const [printCode, setPrintCode] = useState<{ code: string; expiresAt: string }>();
  const form = useSubmit({ fallback: '获取打印码失败，请稍后再试' });
  // A retry of the same tap replays the same code instead of spending another of the day's few.
  const printKey = useRef(newIdempotencyKey());

  const read = useMemo(
    () => (session && id ? () => call(api.myCertificate, { params: { id } }) : undefined),
    [session, id],
  );
  const loaded = useLoaded(read);
  const cert = loaded.data;

  async function getPrintCode() {
    await form.run(async () => {
      setPrintCode(await call(api.createPrintCode, { params: { id }, idempotencyKey: printKey.current }));
      printKey.current = newIdempotencyKey();
    });
  }

  if (!session) {
    return (
      <PageShell name="certificate">
        <SignInPrompt reason="登录后查看您的电子证明。" />
      </PageShell>
    );
  }
  return (
    <PageShell name="certificate">
      <Banner id="certificate-error" text={form.banner} />
      <LoadState
        id="certificate-load"
        rows={4}
        status={loaded.status}
        empty={{ title: '没有找到这份证明' }}
      />
      {cert ? (
        <>
          <View className="section" id="certificate-card">
            <Text className="title" id="certificate-title">
              {cert.title}
            </Text>
            {cert.revoked ? (
              <View className="banner banner--error" id="certificate-revoked" role="alert">
                此证明已作废，核验结果为无效。
              </View>
            ) : null}
            <Text className="text" id="certificate-receipt">
              受理编号：{cert.receiptNo}
            </Text>
            <Text className="text">持证人：{cert.holderMasked}</Text>
            <Text className="text">签发日期：{formatChinaDateTime(cert.issuedAt)}</Text>
            <Text className="text">签发机关：{districtByCode(cert.jurisdiction).name}卫生健康委员会</Text>
            <QrBox payload={cert.qrPayload} verifyCode={cert.verifyCode} />
          </View>
          <View className="section">
            <Text className="title">打印纸质件</Text>
            <Text className="muted">
              打印码 24 小时内有效，只能使用一次。在自助打印机上输入打印码即可打印。
            </Text>
            {printCode ? (
              <View id="print-code-panel" role="status">
                <Text className="rg-big" id="print-code">
                  {printCode.code}
                </Text>
                <Text className="text" id="print-code-expiry">
                  有效期至 {formatChinaDateTime(printCode.expiresAt)}
                </Text>
              </View>
            ) : null}
            <SubmitButton
              id="print-code-get"
              label={printCode ? '重新获取打印码' : '获取打印码'}
              busy={form.busy}
              disabled={cert.revoked}
              onClick={getPrintCode}
            >
              {printCode ? '重新获取打印码' : '获取打印码'}
            </SubmitButton>
            <NavButton
              id="print-points"
              label="附近打印点"
              where={{ to: `${routes.servicePoints}?service=print` }}
            />
          </View>
        </>
      ) : null}
    </PageShell>
  );
}
