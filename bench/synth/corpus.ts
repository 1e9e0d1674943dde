// Writes a corpus folder of exactly N passages: the real corpus (article and curated data, always included)
// plus synthetic articles. Generated once per size and seed under .cache/bench/ (git-ignored) and reused.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../../src/domain/load.ts';
import { generateArticles } from './generate.ts';

/** Bump when the generator changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 3;

export function realPassageCount(realDir: string): number {
  return loadCorpus(realDir).articles.reduce((n, a) => n + a.passages.length, 0);
}

/** The folder holding `passages` passages; `passages <= real` means the real corpus alone. */
export function ensureCorpus(opts: { passages: number; seed: number; realDir: string; cacheDir: string }): string {
  const real = realPassageCount(opts.realDir);
  if (opts.passages <= real) return opts.realDir;
  const dir = join(opts.cacheDir, `corpus-${opts.passages}-s${opts.seed}-g${GENERATOR_VERSION}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  // Build in a temporary folder and rename: an interrupted run never leaves a half-written corpus behind.
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const f of readdirSync(opts.realDir)) if (!f.startsWith('.')) copyFileSync(join(opts.realDir, f), join(tmp, f));
  for (const a of generateArticles(opts.passages - real, opts.seed)) writeFileSync(join(tmp, a.name), a.markdown);
  writeFileSync(join(tmp, '.complete'), `${opts.passages}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}
