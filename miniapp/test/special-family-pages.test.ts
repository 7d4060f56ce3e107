import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * SPEC C3: special families' pages never show birth or childcare promotion, and never link to
 * those services. Checked on the source of every page, component and module they are built from
 * (comments aside), so a later edit cannot slip a tile or a link in.
 */
const src = path.resolve(__dirname, '../src');
const dirs = [
  'packages/family/pages/special-assistance',
  'packages/family/components/special',
  'special-assistance',
];

function sources(): Array<{ file: string; code: string }> {
  return dirs.flatMap((dir) =>
    fs
      .readdirSync(path.join(src, dir))
      .filter((name) => /\.tsx?$/.test(name))
      .map((name) => {
        const text = fs.readFileSync(path.join(src, dir, name), 'utf8');
        // Drop comments: they may name what is kept out.
        const code = text
          .split('\n')
          .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
          .join('\n');
        return { file: `${dir}/${name}`, code };
      }),
  );
}

describe('special-assistance pages', () => {
  it('are all checked', () => {
    expect(sources().map((s) => s.file)).toEqual(
      expect.arrayContaining([
        'packages/family/pages/special-assistance/index.tsx',
        'packages/family/pages/special-assistance/benefits.tsx',
        'packages/family/pages/special-assistance/help.tsx',
        'packages/family/pages/special-assistance/requests.tsx',
        'packages/family/pages/special-assistance/views.tsx',
      ]),
    );
  });

  it('show no birth or childcare wording', () => {
    for (const { file, code } of sources()) {
      // 计划生育特殊家庭 is the families' official name, not promotion.
      expect(code, file).not.toMatch(/托育|育儿|(?<!计划)生育|出生|婴幼儿|宝宝/);
    }
  });

  it('link to no birth, childcare or subsidy service, and not to the home tiles', () => {
    for (const { file, code } of sources()) {
      expect(code, file).not.toMatch(
        /routes\.(home|registration\w*|certificate\w*|childcare\w*|bookings|birthBundle\w*|servicePoints|subsid\w+)\b/,
      );
      expect(code, file).not.toMatch(/ServiceCard|pages\/index\/services/);
    }
  });

  it('use no exclamation marks', () => {
    for (const { file, code } of sources()) expect(code, file).not.toContain('！');
  });
});
