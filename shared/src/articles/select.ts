import { ageInMonths } from '../childcare/age-classes';
import type { Article } from './schema';
import { type ArticleTopic, articleTopics } from './topics';

/**
 * Which articles a family sees (pure; the guidance function and the unit tests share it).
 * A child's age is its completed months (`ageInMonths`: 5 months 30 days is 5, the day it
 * turns six months is 6), and an article fits when ageFromMonths ≤ age < ageToMonths.
 */
export function articleFitsAge(
  article: Pick<Article, 'ageFromMonths' | 'ageToMonths'>,
  months: number,
): boolean {
  return article.ageFromMonths <= months && months < article.ageToMonths;
}

/** The child's age in completed months on `today` (both YYYY-MM-DD); negative before birth. */
export function childAgeMonths(birthDate: string, today: string): number {
  return ageInMonths(birthDate, today);
}

/** Spaces and punctuation out, Latin letters lower-cased: what search compares. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Overlapping two-character pieces (one piece for a one-character term). */
function bigrams(term: string): string[] {
  if (term.length < 2) return term ? [term] : [];
  const pieces: string[] = [];
  for (let i = 0; i < term.length - 1; i++) pieces.push(term.slice(i, i + 2));
  return pieces;
}

/**
 * Search over a few dozen articles: every two-character piece of each space-separated term
 * must occur in the title, summary or body (Chinese has no spaces to split words on, so
 * pieces, not words: 辅食过敏 finds a text saying 辅食 … 过敏 only if 食过 occurs too). Ranked by hits in the title,
 * then by the whole term occurring.
 * Undefined when the query has no searchable character (the caller lists without it).
 */
export function searchScore(article: Article, query: string): number | undefined {
  const terms = query.split(/\s+/).map(normalise).filter(Boolean);
  if (!terms.length) return undefined;
  const title = normalise(article.title);
  const text = normalise([article.summary, ...article.blocks.map((b) => b.t)].join(''));
  let score = 0;
  for (const term of terms) {
    const pieces = bigrams(term);
    if (!pieces.every((piece) => title.includes(piece) || text.includes(piece))) return 0;
    score += pieces.filter((piece) => title.includes(piece)).length * 3 + pieces.length;
    if (title.includes(term)) score += 10;
    else if (text.includes(term)) score += 5;
  }
  return score;
}

export interface ArticleFilter {
  ageMonths?: number;
  topic?: ArticleTopic;
  q?: string;
}

/**
 * The articles matching the filter, best first: by search score when searching, then by
 * topic (the library's order), the narrower age range, the younger one.
 */
export function selectArticles<A extends Article>(articles: readonly A[], filter: ArticleFilter): A[] {
  const scored = articles
    .filter((a) => filter.ageMonths === undefined || articleFitsAge(a, filter.ageMonths))
    .filter((a) => filter.topic === undefined || a.topic === filter.topic)
    .map((article) => ({
      article,
      score: filter.q === undefined ? undefined : searchScore(article, filter.q),
    }))
    .filter(({ score }) => score !== 0);
  const topicRank = (topic: ArticleTopic) => articleTopics.indexOf(topic);
  // Within a topic, the article written for the narrower age first: it says more about this child.
  const width = (article: Article) => article.ageToMonths - article.ageFromMonths;
  return scored
    .sort(
      (a, b) =>
        (b.score ?? 0) - (a.score ?? 0) ||
        topicRank(a.article.topic) - topicRank(b.article.topic) ||
        width(a.article) - width(b.article) ||
        a.article.ageFromMonths - b.article.ageFromMonths ||
        a.article.id.localeCompare(b.article.id),
    )
    .map(({ article }) => article);
}
