// The persisted search index: building it over a news archive takes tens of seconds, loading it a few. It is
// stored as `${cacheDir}/index-<key>.json`, the key a hash of the corpus contents AND of the indexing code, so a
// changed article, synonym file, tokeniser or index option simply misses and rebuilds; nothing is invalidated
// by hand. Beside it, `extracted-<key>.json` keeps the quotes, speakers and commitments extracted from the same
// corpus, keyed on the corpus and on the source of every domain module (the rules are spread over several).
// The cache is an optimisation: a corrupt or unwritable cache never stops start-up, it only costs a build.
// The file I/O lives here, in the store, so the domain (src/domain/) reads nothing but what load.ts reads.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractAll, type Extracted } from '../domain/extract.ts';
import type { CorpusFiles } from '../domain/load.ts';
import { buildMiniSearch, createMiniSearch, loadMiniSearch, type PassageIndex } from '../domain/search.ts';
import { fold, processWord, tokens } from '../domain/text.ts';
import { STOP_WORDS } from '../domain/stopwords.ts';
import type { Passage } from '../domain/types.ts';

/** Bump for an indexing change the fingerprint below cannot see (it sees code, options and term output). */
export const INDEX_FORMAT = 1;
/** Bump when the layout of the extracted file changes (a rule change already changes the key). */
export const EXTRACTED_FORMAT = 1;

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

export interface CachedExtraction extends Omit<CachedIndex, 'index'> {
  extracted: Extracted;
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

// Keyed by the sources array: the index and the extraction of one loaded corpus hash its 30 MB (at 100k) once.
const keys = new WeakMap<object, string>();

/** The cache key of a corpus: its files (names and contents, in load order), the indexing fingerprint and the domain sources. */
export function indexKey(corpus: Pick<CorpusFiles, 'sources'>): string {
  let key = keys.get(corpus.sources);
  if (key === undefined) {
    // The domain sources too: passages come out of the parser (corpus.ts, load.ts), and a parsing change must
    // not leave an index whose document ids point at other passages.
    const hash = createHash('sha256').update(indexFingerprint()).update(domainFingerprint() ?? '');
    for (const s of corpus.sources) hash.update(`\0${basename(s.file)}\0${s.text}`);
    keys.set(corpus.sources, (key = hash.digest('hex').slice(0, 32)));
  }
  return key;
}

export function indexFile(cacheDir: string, corpus: Pick<CorpusFiles, 'sources'>): string {
  return join(cacheDir, `index-${indexKey(corpus)}.json`);
}

let domainSources: string | null | undefined;

/**
 * A hash of every domain module's source (src/domain/): quotes and commitments come out of rules spread over
 * parsing, quotes, commitments, citations and curated data, and a stale quote is a wrong answer, so any change
 * to the domain re-extracts. null when the sources cannot be read: then nothing extracted is cached.
 */
export function domainFingerprint(): string | null {
  if (domainSources === undefined) {
    try {
      const dir = fileURLToPath(new URL('../domain/', import.meta.url));
      const names = readdirSync(dir).filter((n) => /\.[cm]?[jt]s$/.test(n)).sort();
      const hash = createHash('sha256').update(String(EXTRACTED_FORMAT));
      for (const name of names) hash.update(`\0${name}\0`).update(readFileSync(join(dir, name)));
      domainSources = names.length > 0 ? hash.digest('hex') : null;
    } catch {
      domainSources = null;
    }
  }
  return domainSources;
}

/** Where the corpus's extracted quotes and commitments are kept, or null if they cannot be keyed. */
export function extractedFile(cacheDir: string, corpus: Pick<CorpusFiles, 'sources'>): string | null {
  const domain = domainFingerprint();
  if (!domain) return null;
  const key = createHash('sha256').update(`${domain}\0${indexKey(corpus)}`).digest('hex').slice(0, 32);
  return join(cacheDir, `extracted-${key}.json`);
}

/** The corpus's index from the cache when its key matches, else built, saved (atomically) and returned. */
export function loadOrBuildIndex(corpus: CorpusFiles, cacheDir: string): CachedIndex {
  const file = indexFile(cacheDir, corpus);
  const r = loadOrMake(file, 'the index', loadMiniSearch, () => buildMiniSearch(corpus.articles.flatMap((a) => a.passages)), (index) => saveIndex(index, file));
  return { index: r.value, ...r.info };
}

/** The corpus's quotes, speakers and commitments from the cache when their key matches, else extracted and saved. */
export function loadOrExtract(corpus: CorpusFiles, cacheDir: string): CachedExtraction {
  const file = extractedFile(cacheDir, corpus);
  if (!file) {
    const started = performance.now();
    const extracted = extractAll(corpus);
    return { extracted, source: 'built', file: '', ms: performance.now() - started, error: 'domain sources unreadable: extraction not cached' };
  }
  const r = loadOrMake(file, 'the extracted quotes', readExtracted, () => extractAll(corpus), (x) => saveJson(file, JSON.stringify(x), 'extracted'));
  return { extracted: r.value, ...r.info };
}

function readExtracted(json: string): Extracted {
  const x = JSON.parse(json) as Partial<Extracted> | null;
  if (!x || !Array.isArray(x.quotes) || !Array.isArray(x.discovered) || !Array.isArray(x.commitments)) throw new Error('not an extraction');
  return x as Extracted;
}

/** Reads `file` when it is there and sound, else makes the value and tries to save it; says which and why. */
function loadOrMake<T>(file: string, what: string, read: (json: string) => T, make: () => T, save: (value: T) => void): { value: T; info: Omit<CachedIndex, 'index'> } {
  const started = performance.now();
  let error: string | undefined;
  try {
    const value = read(readFileSync(file, 'utf8'));
    return { value, info: { source: 'cache', file, ms: performance.now() - started } };
  } catch (e) {
    // A missing file is the normal first run; anything else (truncated file, old format) is worth reporting.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') error = `unreadable cache ${file} (${(e as Error).message}); rebuilt`;
  }
  const value = make();
  try {
    save(value);
  } catch (e) {
    error = `cannot save ${what} to ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  return { value, info: { source: 'built', file, ms: performance.now() - started, ...(error ? { error } : {}) } };
}

/** Writes to a temporary file and renames it, so a reader never sees half an index; drops stale indexes. */
export function saveIndex(index: PassageIndex, file: string): void {
  saveJson(file, JSON.stringify(index), 'index');
}

/** Atomic write (temporary file, then rename); then drops the files of the same kind under other keys. */
function saveJson(file: string, json: string, kind: 'index' | 'extracted'): void {
  const dir = join(file, '..');
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, json);
  renameSync(tmp, file);
  // One corpus per cache folder: files under other keys belong to an older corpus or older code.
  const stale = new RegExp(`^${kind}-[0-9a-f]+\\.json$`);
  for (const name of readdirSync(dir)) {
    if (stale.test(name) && name !== basename(file)) rmSync(join(dir, name), { force: true });
  }
}
