import { useRouter } from '@tarojs/taro';
import { useSession } from '../../../auth/session';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { routeParam } from '../../../lib/route-param';
import { SpecialFamilyBody } from '../components/SpecialFamilyBody';
import { StaffConsole } from '../console/StaffConsole';
import '../staff.css';

/** The record as its own page (the phone); the console shows the body in a pane beside the list. */
export default function SpecialFamilyPage() {
  const session = useSession();
  const id = routeParam(useRouter().params.id);
  return (
    <PageShell name="staff-special-family">
      {session ? (
        <StaffConsole current="special-families">
          <SpecialFamilyBody id={id} />
        </StaffConsole>
      ) : (
        <SignInPrompt reason="卫健工作人员登录后查看特殊家庭档案。" />
      )}
    </PageShell>
  );
}
