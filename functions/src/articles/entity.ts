import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity, type EntityItem } from '../commons/store/index';

/**
 * A 科学育儿 article's state as city staff set it (decision 0036). The text lives in the repo
 * (content/articles) and ships inside the function; only the state is data. Every state sits
 * in one partition, so the public list reads them with one Query (a few dozen small items).
 * No row: the article is published as the repo has it.
 */
export function createArticleStateEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'articleState', version: '1', service: 'hongjia' },
      attributes: {
        articleId: { type: 'string', required: true, readOnly: true },
        state: { type: ['published', 'retired'] as const, required: true },
        changedAt: { type: 'string', required: true },
        changedBy: { type: 'string', required: true },
        /** Bumped on every change: each write is conditional on the version it read. */
        version: { type: 'number', required: true },
      },
      indexes: {
        byLibrary: {
          pk: { field: 'pk', composite: [] },
          sk: { field: 'sk', composite: ['articleId'] },
        },
      },
    },
    { client, table },
  );
}

export type ArticleStateEntity = ReturnType<typeof createArticleStateEntity>;
export type ArticleStateItem = EntityItem<ArticleStateEntity>;
