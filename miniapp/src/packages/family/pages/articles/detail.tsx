import type { ArticleView } from '@hongjia/shared';
import { ageMonthsLabel, articleTopicNames } from '@hongjia/shared/articles/topics';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { isApiError } from '../../../../api/errors';
import { Banner } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { routeParam } from '../../../../lib/route-param';
import '../../articles.css';

/** One 科学育儿 article: its text as blocks, its source and when it was last checked. */
export default function ArticlePage() {
  const id = routeParam(useRouter().params.id);
  const [article, setArticle] = useState<ArticleView>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!id) return;
    call(api.getArticle, { params: { id } })
      .then(setArticle)
      .catch((e) => setError(isApiError(e) ? e.message : '文章加载失败，请稍后再试'));
  }, [id]);

  return (
    <PageShell name="article">
      <Banner id="article-error" text={error} />
      {article ? (
        <View className="section" id="article-body">
          <Text className="title" id="article-title">
            {article.title}
          </Text>
          <Text className="ar-card__meta">
            {articleTopicNames[article.topic]} · 适合 {ageMonthsLabel(article.ageFromMonths)}–
            {ageMonthsLabel(article.ageToMonths)}
          </Text>
          {article.blocks.map((block) => (
            // A block's text is unique within its article (a repeated sentence would be a content slip).
            <Text key={`${block.k}-${block.t}`} className={`ar-body__${block.k}`}>
              {block.t}
            </Text>
          ))}
          <Text className="ar-source" id="article-source">
            来源：{article.source}
            {article.sourceUrl ? `（${article.sourceUrl}）` : ''} · 审核于 {article.reviewed}
          </Text>
          <Text className="ar-source">本文为一般性育儿知识，不能代替医生的诊断；孩子有不适请及时就医。</Text>
        </View>
      ) : null}
    </PageShell>
  );
}
