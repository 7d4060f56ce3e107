import * as z from 'zod';
import { articleTopics, libraryMonths } from './topics';

/**
 * 科学育儿: the knowledge library's articles (content/articles/*.md, issue 15 item 8). Each file
 * is Markdown with a front matter; scripts/build-articles.ts parses and checks them with these
 * schemas and writes the compact module the guidance function serves (decision 0036).
 */
export const ArticleTopic = z.enum(articleTopics, {
  error: '主题应为 feeding、sleep、development、immunisation、health、safety 或 parenting',
});
export type ArticleTopic = z.infer<typeof ArticleTopic>;

export const ArticleFrontMatter = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{3,64}$/, 'id 只能用小写字母、数字和连字符'),
    title: z.string().trim().min(4, '标题至少 4 个字').max(40, '标题最多 40 个字'),
    summary: z.string().trim().min(10, '摘要至少 10 个字').max(90, '摘要最多 90 个字'),
    topic: ArticleTopic,
    ageFromMonths: z.coerce
      .number()
      .int()
      .min(0)
      .max(libraryMonths - 1),
    /** Exclusive: 0–6 means from birth until the day the child turns six months. */
    ageToMonths: z.coerce.number().int().min(1).max(libraryMonths),
    /** The publication it follows: 国家卫生健康委《…》, 中国营养学会《…》, WHO … */
    source: z.string({ error: '缺少来源 source' }).trim().min(4, '缺少来源 source'),
    sourceUrl: z.url({ protocol: /^https$/, error: 'sourceUrl 应为 https 网址' }).optional(),
    /** The day someone last checked it against its source. */
    reviewed: z.iso.date({ error: 'reviewed 应为 YYYY-MM-DD' }),
  })
  .refine((article) => article.ageToMonths > article.ageFromMonths, {
    path: ['ageToMonths'],
    message: 'ageToMonths 应大于 ageFromMonths',
  });
export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatter>;

/** The body as blocks (a heading, a paragraph, a list item): the client renders them without a Markdown library. */
export const ArticleBlock = z.object({ k: z.enum(['h', 'p', 'li']), t: z.string().min(1) });
export type ArticleBlock = z.infer<typeof ArticleBlock>;

export const Article = ArticleFrontMatter.and(z.object({ blocks: z.array(ArticleBlock).min(2, '正文太短') }));
export type Article = ArticleFrontMatter & { blocks: ArticleBlock[] };
