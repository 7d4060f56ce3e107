import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What may import what (docs/ARCHITECTURE.md, "The layout"), read from the import
 * specifiers of the TypeScript files themselves:
 * - `shared/` is pure: it imports its own files and zod, never I/O (node:, the AWS SDK,
 *   ElectroDB, Powertools …) and never the functions;
 * - `functions/src/commons/` serves every capability and imports none of them;
 * - a capability imports another only through that one's public entry, its `index.ts`;
 * - only the function groups (`functions/src/groups/`) put capabilities' routes together;
 * - the composition root (`functions/src/root.ts`) builds what capabilities are made of and
 *   hands it to them: groups (and the seed, benches, tests) start there, and no capability
 *   nor commons imports it — a capability declares what it takes, it never reaches for it.
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const functionsSrc = join(repo, 'functions/src');
const sharedSrc = join(repo, 'shared/src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Static imports, re-exports and dynamic `import('…')`: the specifiers a file names. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s+'([^']+)'/g)].map(
    (m) => m[1],
  );
  const bare = [...text.matchAll(/(?:^|\n)\s*import\s+'([^']+)'/g)].map((m) => m[1]);
  const dynamic = [...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
  return [...found, ...bare, ...dynamic].filter((s): s is string => s !== undefined);
}

/** The file a relative specifier names: `x.ts`, or `x/index.ts` for a folder. */
function moduleFile(path: string): string {
  if (existsSync(`${path}.ts`)) return `${path}.ts`;
  return existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.ts') : path;
}

/** `families/audit` for functions/src/families/audit.ts (folder '' and module `root` for functions/src/root.ts); undefined outside functions/src. */
function place(path: string): { folder: string; module: string } | undefined {
  const inside = relative(functionsSrc, path);
  if (inside.startsWith('..')) return undefined;
  const [folder = '', ...rest] = inside.replace(/\.ts$/, '').split('/');
  return rest.length === 0 ? { folder: '', module: folder } : { folder, module: rest.join('/') };
}

/** Folders that are no capability: the shared plumbing, the function groups, and files at the root (manifest). */
const notCapabilities = new Set(['commons', 'groups', '']);

/** Every import from one folder of functions/src into another, as `from → to (specifier)`. */
function crossings(): { from: string; to: string; toModule: string; line: string }[] {
  return tsFiles(functionsSrc).flatMap((file) => {
    const source = place(file);
    if (!source) return [];
    return specifiers(file)
      .filter((s) => s.startsWith('.'))
      .flatMap((specifier) => {
        const target = place(moduleFile(resolve(dirname(file), specifier)));
        if (!target || target.folder === source.folder) return [];
        return [
          {
            from: source.folder,
            to: target.folder,
            toModule: target.module,
            line: `${relative(functionsSrc, file)} → ${specifier}`,
          },
        ];
      });
  });
}

describe('the import rules', () => {
  it('shared/ imports only itself and zod: no I/O, no functions', () => {
    const offending = tsFiles(sharedSrc).flatMap((file) =>
      specifiers(file)
        .filter((s) => !s.startsWith('.') && s !== 'zod')
        .map((s) => `${relative(repo, file)} → ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it('commons imports no capability', () => {
    const offending = crossings()
      .filter((c) => c.from === 'commons' && !notCapabilities.has(c.to))
      .map((c) => c.line);
    expect(offending).toEqual([]);
  });

  it('a capability imports another only through its public index.ts, never its internals or routes', () => {
    const offending = crossings()
      .filter((c) => !notCapabilities.has(c.from) && !notCapabilities.has(c.to) && c.toModule !== 'index')
      .map((c) => c.line);
    expect(offending).toEqual([]);
  });

  it('no capability reaches into a function group', () => {
    const offending = crossings()
      .filter((c) => c.to === 'groups' && c.from !== 'groups')
      .map((c) => c.line);
    expect(offending).toEqual([]);
  });

  it('only groups reach for the composition root: capabilities and commons are handed its pieces', () => {
    const offending = crossings()
      .filter((c) => c.to === '' && c.toModule === 'root' && c.from !== 'groups')
      .map((c) => c.line);
    expect(offending).toEqual([]);
  });

  it('reads the imports it judges (the rule is not vacuous)', () => {
    const all = crossings();
    expect(all.some((c) => c.from === 'registration' && c.to === 'commons')).toBe(true);
    expect(all.some((c) => c.from === 'groups' && c.to === '' && c.toModule === 'root')).toBe(true);
    expect(specifiers(join(sharedSrc, 'index.ts'))).toContain('./calendar/index');
  });
});
