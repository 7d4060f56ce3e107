import * as api from '@hongjia/shared/api/routes';
import { implement, implementPublic, type RouteImplementation } from '../commons/router';
import { type ArticleDeps, createArticleService } from './service';

/** 科学育儿: public reading by age, topic and search; city staff publish and retire (decision 0036). */
export function createArticleRoutes(deps: ArticleDeps): RouteImplementation[] {
  const service = createArticleService(deps);
  return [
    implementPublic(api.listArticles, ({ query }) => service.list(query)),
    implementPublic(api.getArticle, ({ params }) => service.read(params.id)),
    implement(api.staffArticles, ({ caller }) => service.staffList(caller)),
    implement(api.setArticleState, ({ caller, params, body, now, requestId, sourceIp }) =>
      service.setState(caller, params.id, body.state, body.reason, { now, requestId, sourceIp }),
    ),
  ];
}
