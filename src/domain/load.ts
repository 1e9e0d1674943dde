// Reads the corpus folder: every Markdown article (README.md excepted, it documents the folder) and the
// curated data files. The only domain module that touches the file system.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusError, parseArticle } from './corpus.ts';
import { parseCurated, type Curated } from './curated.ts';
import type { Article } from './types.ts';
import { decodeUtf8 } from './utf8.ts';
import type { WordNetFile } from './wordnet.ts';
import { decodeWordVectors, ENTITY_KINDS, type EntityWords, type WordVectors } from './word-meaning.ts';

export interface CorpusFiles {
  articles: Article[];
  curated: Curated;
  /** Raw contents, in a stable order: what a persisted index is keyed on. */
  sources: Array<{ file: string; text: string }>;
  /** Word meaning (optional files, built by `npm run build:word-meaning`); without them answers use words only. */
  meaning?: { vectors: WordVectors | null; entities: EntityWords | null; wordnet?: WordNetFile | null };
}

export const PEOPLE_FILE = 'people.json';
export const SYNONYMS_FILE = 'synonyms.json';
export const VECTORS_FILE = 'word-vectors.bin';
export const ENTITIES_FILE = 'entity-words.json';
export const WORDNET_FILE = 'wordnet.json';

export function isArticleFile(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md';
}

/** A corpus file's text; invalid UTF-8 is refused with the file and the byte offset (never decoded to U+FFFD). */
function readUtf8(file: string): string {
  const decoded = decodeUtf8(readFileSync(file));
  if (!decoded.ok) throw new CorpusError(file, 0, `not valid UTF-8 at byte ${decoded.byteOffset}: save the file as UTF-8`);
  return decoded.text;
}

export interface LoadOptions {
  /** Refuse a corpus whose files add up to more than this (checked before reading them); Infinity: no limit. */
  maxBytes: number;
}

export const DEFAULT_LOAD_OPTIONS: LoadOptions = { maxBytes: Infinity };

/** The corpus files' raw texts, in load order: what a worker thread reads and hands over to be parsed. */
export interface CorpusSources {
  articles: Array<{ file: string; text: string }>;
  people: { file: string; text: string };
  synonyms: { file: string; text: string };
}

const MB = 1024 * 1024;

/** Reads the corpus folder's files (strict UTF-8, within the size limit) without parsing them. */
export function readCorpusSources(dir: string, options: Partial<LoadOptions> = {}): CorpusSources {
  const { maxBytes } = { ...DEFAULT_LOAD_OPTIONS, ...options };
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    throw new CorpusError(dir, 0, `cannot read the corpus folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const articleNames = names.filter(isArticleFile);
  if (articleNames.length === 0) throw new CorpusError(dir, 0, 'no Markdown article (*.md) in the corpus folder');
  for (const required of [PEOPLE_FILE, SYNONYMS_FILE]) {
    if (!names.includes(required)) throw new CorpusError(join(dir, required), 0, 'missing curated data file');
  }
  // Sizes first: a corpus over the limit is refused before a byte of it is read or indexed.
  const total = [...articleNames, PEOPLE_FILE, SYNONYMS_FILE].reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  if (total > maxBytes) {
    throw new CorpusError(dir, 0, `the corpus is ${(total / MB).toFixed(1)} MB, over the limit of ${(maxBytes / MB).toFixed(1)} MB: refused`);
  }
  const read = (name: string) => ({ file: join(dir, name), text: readUtf8(join(dir, name)) });
  return { articles: articleNames.map(read), people: read(PEOPLE_FILE), synonyms: read(SYNONYMS_FILE) };
}

/** Parses what readCorpusSources read. */
export function parseCorpusSources(sources: CorpusSources): CorpusFiles {
  return {
    articles: sources.articles.map((f) => parseArticle(f.text, f.file)),
    curated: parseCurated(sources.people, sources.synonyms),
    sources: [...sources.articles, sources.people, sources.synonyms],
  };
}

export function loadCorpus(dir: string, options: Partial<LoadOptions> = {}): CorpusFiles {
  return { ...parseCorpusSources(readCorpusSources(dir, options)), meaning: loadMeaning(dir) };
}

/** The word-meaning files, each optional: a missing or unreadable one leaves the engine on words alone. */
export function loadMeaning(dir: string, names: string[] = readdirSync(dir)): NonNullable<CorpusFiles['meaning']> {
  const vectors = names.includes(VECTORS_FILE) ? decodeWordVectors(readFileSync(join(dir, VECTORS_FILE))) : null;
  let entities: EntityWords | null = null;
  if (names.includes(ENTITIES_FILE)) {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, ENTITIES_FILE), 'utf8'));
    const ok = typeof parsed === 'object' && parsed !== null && ENTITY_KINDS.every((k) => Array.isArray((parsed as Record<string, unknown>)[k]));
    if (!ok) throw new CorpusError(join(dir, ENTITIES_FILE), 1, `expected a list of words for each of ${ENTITY_KINDS.join(', ')}`);
    entities = parsed as EntityWords;
  }
  let wordnet: WordNetFile | null = null;
  if (names.includes(WORDNET_FILE)) {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, WORDNET_FILE), 'utf8'));
    const ok = typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as WordNetFile).synsets) && typeof (parsed as WordNetFile).nouns === 'object';
    if (!ok) throw new CorpusError(join(dir, WORDNET_FILE), 1, 'expected "synsets" (a list) and "nouns" (an object)');
    wordnet = parsed as WordNetFile;
  }
  return { vectors, entities, wordnet };
}
