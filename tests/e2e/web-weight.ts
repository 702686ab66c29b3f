// What each screen's first visit downloads, read from the built app (dist/web/.vite/manifest.json): an entry's
// scripts and their static imports, plus the page chunk the route loads at once (with its static imports), each
// weighed as gzip -9 — the figure the budgets in docs/ARCHITECTURE.md are stated in.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** The screens with a budget: the source files (manifest keys) their first visit loads. */
export const SCREENS = {
  /** The citizen form: the public entry (the form is part of it). */
  citizenForm: { keys: ['public.html'], budgetKb: 150 },
  /**
   * A signed-in member's phone home: the staff entry and the home page's chunk, at most 350 KB (issue #9). The split
   * brought it from 795 to ≈408 KB; ≈318 KB since zod left the web bundle (core's code lists and quota rules without
   * their schemas: code-tables.ts, quota-rules.ts) and the home dropped antd's List (with its Pagination and Select).
   */
  memberHome: { keys: ['index.html', 'pages/field/home/home-page.tsx'], budgetKb: 350 },
} as const;

/** Script files (relative to dist) that loading `keys` fetches, following static imports only. */
export function scriptsOf(dist: string, keys: readonly string[]): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    seen.add(key);
    for (const i of chunk.imports ?? []) visit(i);
  };
  for (const k of keys) visit(k);
  return [...seen].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
}

/** gzip -9 bytes of the scripts `keys` load, and the files themselves. */
export function weigh(dist: string, keys: readonly string[]) {
  const files = scriptsOf(dist, keys).map((f) => ({
    file: f,
    gzip: gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length,
  }));
  return { gzip: files.reduce((a, f) => a + f.gzip, 0), files: files.sort((a, b) => b.gzip - a.gzip) };
}
