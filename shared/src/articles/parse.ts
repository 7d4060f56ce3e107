import { type Article, type ArticleBlock, ArticleFrontMatter } from './schema';
import { libraryMonths } from './topics';

/** A content file the library refuses, with where and why (the build and the unit test print it). */
export class ArticleContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'ArticleContentError';
  }
}

/**
 * One content file: a front matter of `key: value` lines between `---` fences, then the body
 * (`## ` headings, `- ` list items, paragraphs separated by blank lines). Deliberately this
 * small subset, so no YAML or Markdown package enters the build or the function.
 */
export function parseArticle(file: string, text: string): Article {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) throw new ArticleContentError(file, ['缺少以 --- 包围的 front matter']);
  const fields: Record<string, string> = {};
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon < 1) throw new ArticleContentError(file, [`front matter 行无法解析：${line}`]);
    fields[line.slice(0, colon).trim()] = line
      .slice(colon + 1)
      .trim()
      .replace(/^(['"])(.*)\1$/, '$2');
  }
  const parsed = ArticleFrontMatter.safeParse(fields);
  if (!parsed.success) {
    throw new ArticleContentError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`),
    );
  }
  const blocks = bodyBlocks(match[2] ?? '');
  if (blocks.length < 2) throw new ArticleContentError(file, ['正文太短']);
  return { ...parsed.data, blocks };
}

function bodyBlocks(body: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ k: 'p', t: paragraph.join('') });
    paragraph = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) flush();
    else if (line.startsWith('#')) {
      flush();
      blocks.push({ k: 'h', t: line.replace(/^#+\s*/, '') });
    } else if (/^[-*]\s+/.test(line)) {
      flush();
      blocks.push({ k: 'li', t: line.replace(/^[-*]\s+/, '') });
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}

/**
 * The whole library's rules: ids unique, every month from birth to 36 months covered by at
 * least one article (a gap would leave a family with nothing to read). Problems, empty when sound.
 */
export function corpusProblems(articles: readonly Article[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.id)) problems.push(`id 重复：${article.id}`);
    seen.add(article.id);
  }
  const uncovered: number[] = [];
  for (let month = 0; month < libraryMonths; month++) {
    if (!articles.some((a) => a.ageFromMonths <= month && month < a.ageToMonths)) uncovered.push(month);
  }
  if (uncovered.length) problems.push(`这些月龄没有文章：${uncovered.join('、')}`);
  return problems;
}
