import { App } from 'aws-cdk-lib';
import { addHongjiaStacks } from '../lib/app-stacks';

/** `npm run synth` / `npm run deploy`: Hongjia-cn (cn-northwest-1, production) and Hongjia-global. */
addHongjiaStacks(new App());
