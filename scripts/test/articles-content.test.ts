import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusModule, corpusModulePath, readCorpus } from '../build-articles';

/** The 科学育儿 library as committed (content/articles): sound, and the bundled module built from it. */
describe('the 科学育儿 library', () => {
  const articles = readCorpus();

  it('has at least 24 articles over 0–36 months, each citing its source', () => {
    expect(articles.length).toBeGreaterThanOrEqual(24);
    for (const article of articles) expect(article.source.length, article.id).toBeGreaterThan(4);
    for (const topic of ['feeding', 'sleep', 'development', 'immunisation', 'safety'])
      expect(
        articles.some((a) => a.topic === topic),
        topic,
      ).toBe(true);
  });

  it('is what the guidance function bundles (run `npx tsx scripts/build-articles.ts` after editing)', () => {
    expect(readFileSync(corpusModulePath, 'utf8')).toBe(corpusModule(articles));
  });
});
