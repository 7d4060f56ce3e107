import type { SessionUser } from '@hongjia/shared';
import {
  type Article,
  type ArticleState,
  type ArticleSummary,
  type ArticlesQuery,
  type ArticleView,
  type StaffArticle,
  selectArticles,
} from '@hongjia/shared';
import type { z } from 'zod';
import type { AuditTrail } from '../commons/audit';
import { conflict, forbidden, notFound } from '../commons/errors';
import { landed } from '../commons/guards';
import type { ArticleStateEntity, ArticleStateItem } from './entity';

type Query = z.infer<typeof ArticlesQuery>;
type Staff = z.infer<typeof StaffArticle>;

export interface ArticleDeps {
  corpus: readonly Article[];
  states: ArticleStateEntity;
  audit: Pick<AuditTrail, 'record'>;
}

function summaryOf(article: Article): ArticleSummary {
  const { blocks: _blocks, ...summary } = article;
  return summary;
}

/** The library: the repo's text, each article's state from the table (published when it has none). */
export function createArticleService(deps: ArticleDeps) {
  const byId = new Map(deps.corpus.map((article) => [article.id, article]));

  async function stateRows(): Promise<Map<string, ArticleStateItem>> {
    const { data } = await deps.states.query.byLibrary({}).go({ pages: 'all' });
    return new Map(data.map((row) => [row.articleId, row]));
  }

  async function stateOf(id: string): Promise<ArticleStateItem | undefined> {
    return (await deps.states.get({ articleId: id }).go({ consistent: true })).data ?? undefined;
  }

  const isCityStaff = (caller: SessionUser) => caller.roles.includes('staff') && caller.cityWide === true;

  return {
    async list(query: Query): Promise<{ items: ArticleSummary[] }> {
      const states = await stateRows();
      const published = deps.corpus.filter((article) => states.get(article.id)?.state !== 'retired');
      const items = selectArticles(published, {
        ...(query.ageMonths !== undefined ? { ageMonths: query.ageMonths } : {}),
        ...(query.topic ? { topic: query.topic } : {}),
        ...(query.q ? { q: query.q } : {}),
      });
      return { items: items.map(summaryOf) };
    },

    async read(id: string): Promise<ArticleView> {
      const article = byId.get(id);
      if (!article || (await stateOf(id))?.state === 'retired') throw notFound('没有这篇文章，或它已下架');
      return article;
    },

    async staffList(caller: SessionUser): Promise<{ items: Staff[] }> {
      if (!isCityStaff(caller)) throw forbidden('科学育儿文章由市级工作人员管理');
      const states = await stateRows();
      return {
        items: deps.corpus.map((article) => {
          const row = states.get(article.id);
          return {
            ...summaryOf(article),
            state: row?.state ?? 'published',
            ...(row ? { stateChangedAt: row.changedAt } : {}),
          };
        }),
      };
    },

    /**
     * Publish or retire: audited first (the trail is evidence, decision 0019), then one
     * conditional write on the version read, so two staff changing it at once cannot lose one.
     * Setting the state it already has changes nothing and answers the same.
     */
    async setState(
      caller: SessionUser,
      id: string,
      state: ArticleState,
      reason: string | undefined,
      ctx: { now: Date; requestId: string; sourceIp: string },
    ): Promise<Staff> {
      if (!isCityStaff(caller)) throw forbidden('科学育儿文章由市级工作人员管理');
      const article = byId.get(id);
      if (!article) throw notFound('没有这篇文章');
      const current = await stateOf(id);
      if ((current?.state ?? 'published') === state) {
        return { ...summaryOf(article), state, ...(current ? { stateChangedAt: current.changedAt } : {}) };
      }
      const changedAt = ctx.now.toISOString();
      await deps.audit.record(
        caller,
        {
          subjectType: 'article',
          subjectId: id,
          action: state === 'retired' ? 'retire_article' : 'publish_article',
          district: 'city',
          ...(reason ? { note: reason } : {}),
          requestId: ctx.requestId,
          sourceIp: ctx.sourceIp,
        },
        ctx.now,
      );
      const row = { articleId: id, state, changedAt, changedBy: caller.id };
      const wrote = await landed(
        current
          ? deps.states
              .patch({ articleId: id })
              .set({ state, changedAt, changedBy: caller.id, version: current.version + 1 })
              .where(({ version }, { eq }) => eq(version, current.version))
              .go()
          : deps.states.create({ ...row, version: 1 }).go(),
      );
      if (!wrote) throw conflict('文章状态刚被他人修改，请刷新后再试');
      return { ...summaryOf(article), state, stateChangedAt: changedAt };
    },
  };
}
