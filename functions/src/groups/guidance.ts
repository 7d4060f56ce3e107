import { corpus } from '../articles/corpus.generated';
import { createArticleRoutes } from '../articles/routes';
import { articleEntities, rootFromEnv, serve } from '../root';

/**
 * 科学育儿 (decision 0036): the library read by anyone, published and retired by city staff.
 * Its own group so the articles' text (bundled as data) weighs on no other function.
 */
const root = rootFromEnv({}, articleEntities);

export const handler = serve(
  root,
  createArticleRoutes({
    corpus,
    get states() {
      return root.entities.articleStates;
    },
    get audit() {
      return root.audit;
    },
  }),
);
