import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { addHongjiaStacks } from '../lib/app-stacks';
import { checkWithNag } from '../lib/nag';

/**
 * `npm run synth` / `npm run deploy`: Hongjia-cn (cn-northwest-1, production);
 * Hongjia-global only with `-c withGlobal=true` and a stage other than prod.
 * cdk-nag (AWS Solutions) checks both; an unacknowledged finding fails the synth.
 * Both host the production h5 build (`npm run build:h5 -w miniapp` first), unless
 * `-c webHosting=false`.
 */
const app = new App();
addHongjiaStacks(app, { h5Directory: fileURLToPath(new URL('../../miniapp/dist/h5', import.meta.url)) });
checkWithNag(app);
