import { api, type CertificateDetail, districtByCode } from '@hongjia/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../../../api/client';
import { isApiError } from '../../../../api/errors';
import { newIdempotencyKey } from '../../../../api/idempotency';
import { useSession } from '../../../../auth/session';
import { button } from '../../../../components/a11y';
import { Banner } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { routes } from '../../../../config/routes';
import { formatDateTime } from '../../../../lib/format';
import { routeParam } from '../../../../lib/route-param';
import { QrBox } from '../../components/QrBox';
import '../../registration.css';

/** 证件详情: the certificate card with its QR, and a one-time print code for a self-service printer. */
export default function CertificatePage() {
  const session = useSession();
  const id = routeParam(useRouter().params.id);
  const [cert, setCert] = useState<CertificateDetail>();
  const [printCode, setPrintCode] = useState<{ code: string; expiresAt: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A retry of the same tap replays the same code instead of spending another of the day's few.
  const printKey = useRef(newIdempotencyKey());

  useEffect(() => {
    if (!session || !id) return;
    call(api.myCertificate, { params: { id } })
      .then(setCert)
      .catch((e) => setError(isApiError(e) ? e.message : '加载失败，请稍后再试'));
  }, [session, id]);

  async function getPrintCode() {
    setBusy(true);
    setError(undefined);
    try {
      setPrintCode(await call(api.createPrintCode, { params: { id }, idempotencyKey: printKey.current }));
      printKey.current = newIdempotencyKey();
    } catch (e) {
      setError(isApiError(e) ? e.message : '获取打印码失败，请稍后再试');
    } finally {
      setBusy(false);
    }
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
      <Banner id="certificate-error" text={error} />
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
            <Text className="text">签发日期：{formatDateTime(cert.issuedAt)}</Text>
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
                  有效期至 {formatDateTime(printCode.expiresAt)}
                </Text>
              </View>
            ) : null}
            <Button
              className="btn btn--primary"
              loading={busy}
              disabled={busy || cert.revoked}
              onClick={getPrintCode}
              {...button(printCode ? '重新获取打印码' : '获取打印码', 'print-code-get')}
            >
              {printCode ? '重新获取打印码' : '获取打印码'}
            </Button>
            <Button
              className="btn btn--plain"
              onClick={() => Taro.navigateTo({ url: `${routes.servicePoints}?service=print` })}
              {...button('附近打印点', 'print-points')}
            >
              附近打印点
            </Button>
          </View>
        </>
      ) : null}
    </PageShell>
  );
}
