import type { ArticleSummary } from '@hongjia/shared';
import { type ArticleTopic, articleTopicNames, articleTopics } from '@hongjia/shared/articles/topics';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { isApiError } from '../../../../api/errors';
import {
  ageChoices,
  ageMonthsLabel,
  type ChildRecord,
  childrenUnderThree,
  type KnownChild,
} from '../../../../articles/children';
import { useSession } from '../../../../auth/session';
import { button, label, pressable } from '../../../../components/a11y';
import { Chips } from '../../../../components/Chips';
import { Banner } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { routes } from '../../../../config/routes';
import '../../articles.css';

/** The family's children from its own 育儿补贴 applications and 生育登记 (nothing asked, nothing sent). */
async function recordedChildren(): Promise<ChildRecord[]> {
  const records: ChildRecord[] = [];
  const [subsidies, registrations] = await Promise.allSettled([
    call(api.myChildcareSubsidies, { query: {} }),
    call(api.myRegistrations, { query: {} }),
  ]);
  if (subsidies.status === 'fulfilled') {
    for (const s of subsidies.value.items)
      records.push({ birthDate: s.childBirthDate, name: s.childNameMasked });
  }
  if (registrations.status === 'fulfilled') {
    // The latest few registrations name the children born before them.
    const details = await Promise.allSettled(
      registrations.value.items.slice(0, 3).map((r) => call(api.getRegistration, { params: { id: r.id } })),
    );
    for (const detail of details) {
      if (detail.status !== 'fulfilled') continue;
      for (const child of detail.value.existingChildren)
        records.push({ birthDate: child.birthDate, name: child.name });
    }
  }
  return records;
}

type TopicChoice = ArticleTopic | 'all';
const topicOptions = [
  { value: 'all' as TopicChoice, text: '全部', key: 'all' },
  ...articleTopics.map((topic) => ({
    value: topic as TopicChoice,
    text: articleTopicNames[topic],
    key: topic,
  })),
];

/**
 * 科学育儿: articles for the family's child's age (from its own records; without one, the
 * parent picks an age), by topic, searchable; each opens its article page.
 */
export default function Articles() {
  const session = useSession();
  const [children, setChildren] = useState<KnownChild[]>();
  const [months, setMonths] = useState<number>();
  const [topic, setTopic] = useState<TopicChoice>('all');
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [items, setItems] = useState<ArticleSummary[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    (session ? recordedChildren() : Promise.resolve([]))
      .catch(() => [])
      .then((records) => {
        if (!live) return;
        const found = childrenUnderThree(records, todayInChina());
        setChildren(found);
        if (found[0]) setMonths(found[0].months);
      });
    return () => {
      live = false;
    };
  }, [session]);

  useEffect(() => {
    if (children === undefined) return;
    let live = true;
    setError(undefined);
    call(api.listArticles, {
      query: {
        ...(months !== undefined ? { ageMonths: months } : {}),
        ...(topic !== 'all' ? { topic } : {}),
        ...(q ? { q } : {}),
      },
    })
      .then((answer) => live && setItems(answer.items))
      .catch((e) => live && setError(isApiError(e) ? e.message : '文章加载失败，请稍后再试'));
    return () => {
      live = false;
    };
  }, [children, months, topic, q]);

  const childOptions = (children ?? []).map((child, i) => ({
    value: child.months,
    text: `${child.name} ${ageMonthsLabel(child.months)}`,
    key: `child-${i}`,
  }));
  const monthOptions = ageChoices.map((choice) => ({
    value: choice.months,
    text: choice.text,
    key: `m${choice.months}`,
  }));

  return (
    <PageShell name="articles">
      <View className="section" id="articles-age">
        {children === undefined ? (
          <Text className="text">正在读取…</Text>
        ) : childOptions.length ? (
          <>
            <Text className="text" id="articles-for-child">
              按孩子的月龄推荐（来自您的育儿补贴或生育登记记录）
            </Text>
            {childOptions.length > 1 ? (
              <Chips
                idPrefix="articles-child"
                label="孩子"
                options={childOptions}
                value={months}
                onChange={setMonths}
              />
            ) : (
              <Text className="title" id="articles-child-age">
                {childOptions[0]?.text}
              </Text>
            )}
          </>
        ) : (
          <>
            <Text className="text" id="articles-pick-age">
              请选择孩子的月龄，我们推荐适合的文章（只在本机使用，不会保存）
            </Text>
            <Chips
              idPrefix="articles-age"
              label="孩子的月龄"
              options={monthOptions}
              value={months}
              onChange={setMonths}
            />
          </>
        )}
      </View>
      <View className="section">
        <View className="ar-search">
          <Input
            className="input"
            value={draft}
            maxlength={30}
            confirmType="search"
            placeholder="搜索，如：辅食、疫苗、睡眠"
            onInput={(e) => setDraft(e.detail.value)}
            onConfirm={() => setQ(draft.trim())}
            {...label('搜索文章', 'articles-search')}
          />
          <Button
            className="btn btn--plain"
            onClick={() => setQ(draft.trim())}
            {...button('搜索', 'articles-search-go')}
          >
            搜索
          </Button>
        </View>
        <Chips
          idPrefix="articles-topic"
          label="主题"
          options={topicOptions}
          value={topic}
          onChange={setTopic}
        />
      </View>
      <Banner id="articles-error" text={error} />
      {items && items.length === 0 ? (
        <View className="section" id="articles-empty">
          <Text className="text">没有找到相关文章，换个词或主题试试。</Text>
        </View>
      ) : null}
      <View aria-label="文章" id="articles-list">
        {(items ?? []).map((article) => (
          <View
            key={article.id}
            className="ar-card"
            onClick={() => Taro.navigateTo({ url: `${routes.article}?id=${encodeURIComponent(article.id)}` })}
            {...pressable(`article-${article.id}`)}
          >
            <Text className="text">{article.title}</Text>
            <Text className="muted">{article.summary}</Text>
            <Text className="ar-card__meta">
              {articleTopicNames[article.topic]} · 适合 {ageMonthsLabel(article.ageFromMonths)}–
              {ageMonthsLabel(article.ageToMonths)}
            </Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
