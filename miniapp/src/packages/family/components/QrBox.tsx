import { Image, Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { button } from '../../../components/a11y';
import { qrDataUrl } from '../../../lib/qr';

/**
 * The certificate's QR: the server-signed payload (JWS), which a window or a scanner checks
 * offline with the published key; and the verification code big, which anyone can check at
 * /v1/certificates/verify/{code}. The payload text is there, folded, for support calls.
 */
export function QrBox({ payload, verifyCode }: { payload: string; verifyCode: string }) {
  const [open, setOpen] = useState(false);
  const qr = useMemo(() => qrDataUrl(payload), [payload]);
  return (
    <View id="certificate-qr">
      <View className="rg-qr" aria-label={`证件二维码，核验码 ${verifyCode}`}>
        <Image
          id="certificate-qr-image"
          className="rg-qr__image"
          src={qr.dataUrl}
          mode="scaleToFill"
          aria-label="证件二维码"
        />
        <Text className="muted">核验码</Text>
        <Text className="title" id="certificate-verify-code">
          {verifyCode}
        </Text>
      </View>
      <Text className="muted">窗口工作人员可凭核验码在线核验真伪。</Text>
      <View
        className="link"
        onClick={() => setOpen(!open)}
        {...button(open ? '收起二维码内容' : '展开二维码内容', 'certificate-payload-toggle')}
      >
        {open ? '收起二维码内容' : '展开二维码内容'}
      </View>
      {open ? (
        <Text className="rg-payload" id="certificate-payload" selectable>
          {payload}
        </Text>
      ) : null}
    </View>
  );
}
