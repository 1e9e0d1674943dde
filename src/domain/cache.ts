// The persisted search index: building it over a news archive takes tens of seconds, loading it a few. It is
// stored as `${cacheDir}/index-<key>.json`, the key a hash of the corpus contents AND of the indexing code, so a
// changed article, synonym file, tokeniser or index option simply misses and rebuilds; nothing is invalidated
// by hand. The cache is an optimisation: a corrupt or unwritable cache never stops start-up, it only costs a build.
// Besides load.ts, the only domain module that touches the file system.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CorpusFiles } from './load.ts';
import { buildMiniSearch, createMiniSearch, loadMiniSearch, type PassageIndex } from './search.ts';
import { fold, processWord, tokens } from './text.ts';
import { STOP_WORDS } from './stopwords.ts';
import type { Passage } from './types.ts';

/** Bump for an indexing change the fingerprint below cannot see (it sees code, options and term output). */
export const INDEX_FORMAT = 1;

export interface CachedIndex {
  index: PassageIndex;
  /** 'cache': loaded from `file`; 'built': built now (and saved to `file` unless `error` says why not). */
  source: 'cache' | 'built';
  file: string;
  /** Time to load or to build (and save), in milliseconds. */
  ms: number;
  /** What went wrong with the cache, if anything: a corrupt file that was rebuilt, a folder that cannot be written. */
  error?: string;
}

// A probe run through the whole indexing pipeline: possessives, hyphens, accents, acronyms, numbers,
// irregular verbs, a list item and its lead-in. A change of tokeniser, stemmer, stop list, fields or
// MiniSearch's serialisation changes the probe index, hence the key.
const PROBE: Passage[] = [
  { text: "Ukraine's US-led forces met in Zürich on 6 January 2026; they've sent arms. These include:", kind: 'paragraph' },
  { text: 'Providing long-term supplies to the skies.', kind: 'item' },
].map((p, i) => ({ ...p, id: `probe#${i + 1}`, articleId: 'probe', articleTitle: 'Probe Title', section: 'Probe Section', paragraph: i + 1, sentences: [p.text], line: i + 1 }) as Passage);

let fingerprint: string | null = null;

/** What the index depends on besides the corpus: the indexing code, its options and what they produce. */
export function indexFingerprint(): string {
  fingerprint ??= createHash('sha256')
    .update(String(INDEX_FORMAT))
    .update([buildMiniSearch, createMiniSearch, processWord, tokens, fold].map((f) => f.toString()).join('\0'))
    .update([...STOP_WORDS].sort().join(' '))
    .update(JSON.stringify(buildMiniSearch(PROBE)))
    .digest('hex');
  return fingerprint;
}

/** The cache key of a corpus: its files (names and contents, in load order) and the indexing fingerprint. */
export function indexKey(corpus: Pick<CorpusFiles, 'sources'>): string {
  const hash = createHash('sha256').update(indexFingerprint());
  for (const s of corpus.sources) hash.update(`\0${basename(s.file)}\0${s.text}`);
  return hash.digest('hex').slice(0, 32);
}

export function indexFile(cacheDir: string, corpus: Pick<CorpusFiles, 'sources'>): string {
  return join(cacheDir, `index-${indexKey(corpus)}.json`);
}

/** The corpus's index from the cache when its key matches, else built, saved (atomically) and returned. */
export function loadOrBuildIndex(corpus: CorpusFiles, cacheDir: string): CachedIndex {
  const file = indexFile(cacheDir, corpus);
  const started = performance.now();
  let error: string | undefined;
  try {
    const index = loadMiniSearch(readFileSync(file, 'utf8'));
    return { index, source: 'cache', file, ms: performance.now() - started };
  } catch (e) {
    // A missing file is the normal first run; anything else (truncated file, old format) is worth reporting.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') error = `unreadable cache ${file} (${(e as Error).message}); rebuilt`;
  }
  const index = buildMiniSearch(corpus.articles.flatMap((a) => a.passages));
  try {
    saveIndex(index, file);
  } catch (e) {
    error = `cannot save the index to ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  return { index, source: 'built', file, ms: performance.now() - started, ...(error ? { error } : {}) };
}

/** Writes to a temporary file and renames it, so a reader never sees half an index; drops stale indexes. */
export function saveIndex(index: PassageIndex, file: string): void {
  const dir = join(file, '..');
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(index));
  renameSync(tmp, file);
  // One corpus per cache folder: indexes under other keys belong to an older corpus or indexing code.
  for (const name of readdirSync(dir)) {
    if (/^index-[0-9a-f]+\.json$/.test(name) && name !== basename(file)) rmSync(join(dir, name), { force: true });
  }
}
