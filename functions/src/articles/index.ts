/**
 * The public entry of articles (科学育儿): what other capabilities may use of it (the import
 * rule, functions/test/import-rules.test.ts).
 */
export { type ArticleStateEntity, createArticleStateEntity } from './entity';
