import { envNames } from './env';

/** Stages that run on a developer's machine or in the test suite, never with real people's data. */
export const localStages: readonly string[] = ['local', 'test'];

/**
 * Refuses to start a function whose environment would accept anyone: dev sign-in
 * (`WECHAT_AUTH_MODE=dev` takes `dev:<openid>` for any openid, an admin's
 * included) and the accept-all face check (families/face.ts chooses it from the
 * same variable) outside a local or test stage. The CDK construct already pins
 * the mode at synth; this is the run-time half, so a console edit or a copied
 * environment cannot turn it on in production (decision 0017). Called when a
 * handler module is imported (createHttpHandler, the workers' handler), so the
 * function fails its cold start instead of serving one request.
 */
export function assertNoDevModeOutsideLocal(env: NodeJS.ProcessEnv = process.env): void {
  const stage = env[envNames.stage];
  if (stage !== undefined && localStages.includes(stage)) return;
  const mode = env[envNames.wechatAuthMode];
  if (mode !== undefined && mode !== 'wechat') {
    throw new Error(
      `${envNames.wechatAuthMode}=${mode} (dev sign-in and the accept-all face check) is allowed only with ${envNames.stage} local or test, not ${stage ?? '(unset)'}`,
    );
  }
}
