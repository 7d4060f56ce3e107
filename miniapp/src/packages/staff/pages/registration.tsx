import { useRouter } from '@tarojs/taro';
import { useSession } from '../../../auth/session';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { routeParam } from '../../../lib/route-param';
import { RegistrationReviewBody } from '../components/RegistrationReviewBody';
import { StaffConsole } from '../console/StaffConsole';
import '../staff.css';

/** The review as its own page (the phone, and links from elsewhere); the console shows the body in a pane. */
export default function RegistrationReview() {
  const session = useSession();
  const id = routeParam(useRouter().params.id);
  return (
    <PageShell name="staff-registration">
      {session ? (
        <StaffConsole current="registrations">
          <RegistrationReviewBody id={id} />
        </StaffConsole>
      ) : (
        <SignInPrompt reason="卫健工作人员登录后审核生育登记。" />
      )}
    </PageShell>
  );
}
