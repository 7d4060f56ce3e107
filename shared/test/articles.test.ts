import { describe, expect, it } from 'vitest';
import {
  type Article,
  ArticleContentError,
  childAgeMonths,
  corpusProblems,
  parseArticle,
  selectArticles,
} from '../src/articles';

/** A content file as the library's authors write it, with front matter lines to change. */
function file(fields: Record<string, string | undefined> = {}, body = '## 要点\n第一段。\n\n- 一条\n') {
  const front = {
    id: 'sample-article',
    title: '示例文章标题',
    summary: '这是一段用于测试的文章摘要。',
    topic: 'feeding',
    ageFromMonths: '0',
    ageToMonths: '6',
    source: '中国营养学会《中国居民膳食指南（2022）》',
    reviewed: '2026-12-01',
    ...fields,
  };
  const lines = Object.entries(front)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

function article(
  id: string,
  ageFromMonths: number,
  ageToMonths: number,
  extra: Partial<Article> = {},
): Article {
  return {
    id,
    title: `文章 ${id}`,
    summary: '一段足够长的测试摘要文字。',
    topic: 'feeding',
    ageFromMonths,
    ageToMonths,
    source: '国家卫生健康委',
    reviewed: '2026-12-01',
    blocks: [
      { k: 'h', t: '要点' },
      { k: 'p', t: '正文' },
    ],
    ...extra,
  };
}

describe('a content file', () => {
  it('parses its front matter and body into blocks', () => {
    const parsed = parseArticle('sample.md', file({ sourceUrl: 'https://www.who.int/x' }));
    expect(parsed).toMatchObject({
      id: 'sample-article',
      ageFromMonths: 0,
      ageToMonths: 6,
      topic: 'feeding',
    });
    expect(parsed.blocks).toEqual([
      { k: 'h', t: '要点' },
      { k: 'p', t: '第一段。' },
      { k: 'li', t: '一条' },
    ]);
  });

  it.each([
    ['without a source', { source: undefined }, 'source'],
    ['with an unknown topic', { topic: 'cooking' }, 'topic'],
    [
      'with an age range that ends before it starts',
      { ageFromMonths: '12', ageToMonths: '6' },
      'ageToMonths',
    ],
    ['beyond 36 months', { ageToMonths: '48' }, 'ageToMonths'],
    ['with a source address that is not https', { sourceUrl: 'http://example.org' }, 'sourceUrl'],
    ['without a reviewed date', { reviewed: '去年' }, 'reviewed'],
  ])('is refused %s', (_, fields, path) => {
    let thrown: unknown;
    try {
      parseArticle('bad.md', file(fields));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ArticleContentError);
    expect((thrown as ArticleContentError).problems.join('\n')).toContain(path);
  });

  it('is refused without a front matter or with too short a body', () => {
    expect(() => parseArticle('bare.md', '# 标题\n正文')).toThrow(ArticleContentError);
    expect(() => parseArticle('short.md', file({}, '一句话'))).toThrow(/正文太短/);
  });
});

describe('the library as a whole', () => {
  it('is sound when 0–36 months are covered and ids are unique', () => {
    expect(corpusProblems([article('a', 0, 12), article('b', 10, 24), article('c', 24, 36)])).toEqual([]);
  });

  it('names the months a gap leaves without an article', () => {
    expect(corpusProblems([article('a', 0, 12), article('c', 14, 36)])).toEqual(['这些月龄没有文章：12、13']);
  });

  it('refuses two articles with one id', () => {
    expect(corpusProblems([article('a', 0, 36), article('a', 0, 36)])).toEqual(['id 重复：a']);
  });
});

describe('articles for a child of a given age', () => {
  const library = [article('newborn', 0, 6), article('solids', 6, 12), article('all', 0, 36)];
  const ids = (months: number) => selectArticles(library, { ageMonths: months }).map((a) => a.id);

  it('counts completed months: 5 months 30 days is still 5, the sixth-month day is 6', () => {
    expect(childAgeMonths('2026-01-15', '2026-07-14')).toBe(5);
    expect(childAgeMonths('2026-01-15', '2026-07-15')).toBe(6);
    // Born on the 31st: the month completes on a shorter month's last day.
    expect(childAgeMonths('2025-08-31', '2026-02-27')).toBe(5);
    expect(childAgeMonths('2025-08-31', '2026-02-28')).toBe(6);
  });

  it('gives the under-six article at 5 months and the six-month one from 6 (the range end is exclusive)', () => {
    expect(ids(childAgeMonths('2026-01-15', '2026-07-14'))).toEqual(['newborn', 'all']);
    expect(ids(childAgeMonths('2026-01-15', '2026-07-15'))).toEqual(['solids', 'all']);
  });

  it('gives every article without an age, the narrower age range first, and filters by topic', () => {
    expect(selectArticles(library, {}).map((a) => a.id)).toEqual(['newborn', 'solids', 'all']);
    const sleep = article('sleep', 0, 12, { topic: 'sleep' });
    expect(selectArticles([...library, sleep], { topic: 'sleep', ageMonths: 3 }).map((a) => a.id)).toEqual([
      'sleep',
    ]);
  });
});

describe('search', () => {
  const library = [
    article('solids', 6, 12, {
      title: '满6个月：开始添加辅食',
      blocks: [
        { k: 'p', t: '从富含铁的泥糊状食物开始' },
        { k: 'p', t: '留意过敏' },
      ],
    }),
    article('iron', 0, 24, {
      title: '维生素D与铁',
      blocks: [
        { k: 'p', t: '添加辅食时首先选择富含铁的食物' },
        { k: 'p', t: '遵医嘱' },
      ],
    }),
    article('sleep', 0, 12, {
      title: '安全睡眠',
      topic: 'sleep',
      blocks: [
        { k: 'p', t: '仰卧睡' },
        { k: 'p', t: '不趴睡' },
      ],
    }),
  ];
  const found = (q: string, ageMonths?: number) =>
    selectArticles(library, { q, ...(ageMonths === undefined ? {} : { ageMonths }) }).map((a) => a.id);

  it('finds Chinese words in the title before those in the text', () => {
    expect(found('辅食')).toEqual(['solids', 'iron']);
    expect(found('铁')).toEqual(['iron', 'solids']);
    expect(found('富含铁')).toEqual(['solids', 'iron']); // both in the text: the narrower age first
  });

  it('needs every term, ignores spaces and punctuation, and keeps the age filter', () => {
    expect(found('辅食 过敏')).toEqual(['solids']);
    expect(found('  仰卧，睡 ')).toEqual(['sleep']);
    expect(found('辅食', 2)).toEqual(['iron']);
    expect(found('疫苗')).toEqual([]);
  });
});
