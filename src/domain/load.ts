// Reads the corpus folder: every Markdown article (README.md excepted, it documents the folder) and the
// curated data files. The only domain module that touches the file system.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusError, parseArticle } from './corpus.ts';
import { parseCurated, type Curated } from './curated.ts';
import type { Article } from './types.ts';
import { decodeUtf8 } from './utf8.ts';
import { decodeWordVectors, ENTITY_KINDS, type EntityWords, type WordVectors } from './word-meaning.ts';

export interface CorpusFiles {
  articles: Article[];
  curated: Curated;
  /** Raw contents, in a stable order: what a persisted index is keyed on. */
  sources: Array<{ file: string; text: string }>;
  /** Word meaning (optional files, built by `npm run build:word-meaning`); without them answers use words only. */
  meaning?: { vectors: WordVectors | null; entities: EntityWords | null };
}

export const PEOPLE_FILE = 'people.json';
export const SYNONYMS_FILE = 'synonyms.json';
export const VECTORS_FILE = 'word-vectors.bin';
export const ENTITIES_FILE = 'entity-words.json';

export function isArticleFile(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md';
}

/** A corpus file's text; invalid UTF-8 is refused with the file and the byte offset (never decoded to U+FFFD). */
function readUtf8(file: string): string {
  const decoded = decodeUtf8(readFileSync(file));
  if (!decoded.ok) throw new CorpusError(file, 0, `not valid UTF-8 at byte ${decoded.byteOffset}: save the file as UTF-8`);
  return decoded.text;
}

export function loadCorpus(dir: string): CorpusFiles {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    throw new CorpusError(dir, 0, `cannot read the corpus folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const read = (name: string) => ({ file: join(dir, name), text: readUtf8(join(dir, name)) });
  const articleFiles = names.filter(isArticleFile).map(read);
  if (articleFiles.length === 0) throw new CorpusError(dir, 0, 'no Markdown article (*.md) in the corpus folder');
  for (const required of [PEOPLE_FILE, SYNONYMS_FILE]) {
    if (!names.includes(required)) throw new CorpusError(join(dir, required), 0, 'missing curated data file');
  }
  const people = read(PEOPLE_FILE);
  const synonyms = read(SYNONYMS_FILE);
  return {
    articles: articleFiles.map((f) => parseArticle(f.text, f.file)),
    curated: parseCurated(people, synonyms),
    sources: [...articleFiles, people, synonyms],
    meaning: loadMeaning(dir, names),
  };
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
  return { vectors, entities };
}
