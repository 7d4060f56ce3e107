import * as z from 'zod';
import { ArticleBlock, ArticleTopic } from '../articles/schema';
import { libraryMonths } from '../articles/topics';
import { defineRoute } from './contract';

/** 科学育儿 (issue 15 item 8, decision 0036): the library's articles, public to read; city staff publish and retire. */

export const ArticleState = z.enum(['published', 'retired'], { error: '状态应为 published 或 retired' });
export type ArticleState = z.infer<typeof ArticleState>;

export const ArticlesQuery = z.object({
  /** The child's age in completed months; the mini-program computes it from the family's own records. */
  ageMonths: z.coerce
    .number({ error: '月龄必须是数字' })
    .int('月龄必须是整数')
    .min(0, '月龄最小为 0')
    .max(libraryMonths - 1, `月龄最大为 ${libraryMonths - 1}`)
    .optional(),
  topic: ArticleTopic.optional(),
  q: z.string().trim().max(30, '搜索词最多 30 个字').optional(),
});

export const ArticleSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  topic: ArticleTopic,
  ageFromMonths: z.number().int(),
  ageToMonths: z.number().int().describe('Exclusive'),
  source: z.string(),
  sourceUrl: z.string().optional(),
  reviewed: z.string(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleView = ArticleSummary.extend({ blocks: z.array(ArticleBlock) });
export type ArticleView = z.infer<typeof ArticleView>;

export const StaffArticle = ArticleSummary.extend({
  state: ArticleState,
  stateChangedAt: z.iso.datetime().optional(),
});

export const ArticleIdParams = z.object({ id: z.string().regex(/^[a-z0-9-]{3,64}$/, '文章编号不正确') });

export const ArticleStateRequest = z.object({
  state: ArticleState,
  /** Why (shown in the audit trail): a source superseded, a correction pending… */
  reason: z.string().trim().max(200, '说明最多 200 个字').optional(),
});

export const listArticles = defineRoute({
  operationId: 'listArticles',
  method: 'GET',
  path: '/v1/articles',
  summary: "科学育儿 Published articles, by the child's age in months, topic, or a search",
  tag: 'articles',
  access: 'public',
  owner: 'none',
  query: ArticlesQuery,
  response: z.object({ items: z.array(ArticleSummary) }),
});

export const getArticle = defineRoute({
  operationId: 'getArticle',
  method: 'GET',
  path: '/v1/articles/{id}',
  summary: '科学育儿 One published article, whole',
  tag: 'articles',
  access: 'public',
  owner: 'none',
  params: ArticleIdParams,
  response: ArticleView,
});

export const staffArticles = defineRoute({
  operationId: 'staffArticles',
  method: 'GET',
  path: '/v1/staff/articles',
  summary: '科学育儿 Every article with its state, for city staff',
  tag: 'articles',
  access: ['staff'],
  owner: 'city',
  response: z.object({ items: z.array(StaffArticle) }),
});

export const setArticleState = defineRoute({
  operationId: 'setArticleState',
  method: 'POST',
  path: '/v1/staff/articles/{id}/state',
  summary: '科学育儿 Publish or retire an article (city staff; audited)',
  tag: 'articles',
  access: ['staff'],
  owner: 'city',
  params: ArticleIdParams,
  body: ArticleStateRequest,
  response: StaffArticle,
  idempotent: true,
});
