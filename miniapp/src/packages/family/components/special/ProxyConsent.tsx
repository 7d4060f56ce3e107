import type { MySpecialFamily } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { ConsentSwitch } from './ConsentSwitch';

/**
 * 委托联系人代为提出求助 (proxy mode, SPEC C3): the contact person may file a request for the
 * family only while this consent is recorded.
 */
export function ProxyConsent({
  family,
  onChange,
}: {
  family: MySpecialFamily;
  onChange: (family: MySpecialFamily) => void;
}) {
  const contact = family.contactPerson;
  if (!contact) return null;
  const given = family.proxyConsent;
  return (
    <ConsentSwitch
      id="special-proxy"
      dialogId="proxy-dialog"
      text={`委托联系人${contact.name}代为提出求助`}
      granted={given !== undefined}
      explanation={
        given
          ? `您已于 ${formatChinaDateTime(given.grantedAt)} 同意。您不方便用手机时，${contact.name}可以替您提出求助，记录上会写明是联系人代办的。可以随时撤回。`
          : `同意后，您不方便用手机时，${contact.name}可以替您提出求助，记录上会写明是联系人代办的。不同意也不影响您自己求助。`
      }
      grant={{
        title: `委托${contact.name}代为求助？`,
        message: `同意后，${contact.name}可以替您家提出求助。您随时可以在这里撤回。`,
        confirmText: '同意委托',
        done: '已委托',
      }}
      withdraw={{
        title: '撤回委托？',
        message: `撤回后，${contact.name}不能再替您提出求助，您自己仍然可以随时求助。`,
        confirmText: '撤回委托',
        done: '已撤回委托',
      }}
      save={async (granted) => onChange(await call(api.setProxyConsent, { body: { granted } }))}
    />
  );
}
