// The slow half of a live reload, run in a worker thread so the bot keeps answering from the old corpus:
// read the folder (size limit, strict UTF-8), and unless the content is unchanged, build the search index and
// extract the quotes (from the persisted cache when it matches, else built and saved there). What comes back
// is plain data in JSON chunks (src/core/thread-transfer.ts): the passages' fields, the index and the extraction,
// plus the curated files' texts; the main thread restores them a chunk per turn of its event loop.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { loadOrBuildIndex, loadOrExtract } from '../store/index-cache.ts';
import { CorpusError, type PassageFields } from '../domain/corpus.ts';
import { extractAll, type Extracted } from '../domain/extract.ts';
import { parseCorpusSources, readCorpusSources, type CorpusFiles, type CorpusSources } from '../domain/load.ts';
import { buildMiniSearch } from '../domain/search.ts';
import { indexToChunks, toChunks, type Chunked, type IndexChunks } from './thread-transfer.ts';
import type { Article, Passage } from '../domain/types.ts';

export interface BuildRequest {
  dir: string;
  cacheDir: string | null;
  maxBytes: number;
  /** Signature of the corpus now serving: an equal one is reported unchanged without building. */
  current: string | null;
}

export type BuildReply =
  | { kind: 'unchanged' }
  | { kind: 'built'; signature: string; curated: Pick<CorpusSources, 'people' | 'synonyms'>; articles: ChunkedArticle[]; index: IndexChunks; extracted: ChunkedExtraction }
  | { kind: 'failed'; corpusError: boolean; message: string; file?: string; line?: number };

/** An article for the main thread: its passages' fields (without the lazily split sentences) in JSON chunks. */
export interface ChunkedArticle {
  meta: Omit<Article, 'passages'>;
  passages: Chunked<PassageFields>;
}

export type ChunkedExtraction = { [K in keyof Extracted]: Chunked<Extracted[K][number]> };

function passageFields(p: Passage): PassageFields {
  return { id: p.id, articleId: p.articleId, articleTitle: p.articleTitle, section: p.section, paragraph: p.paragraph, kind: p.kind, text: p.text, line: p.line };
}

/** A hash of the corpus files, names and contents, in load order. */
export function corpusSignature(corpus: Pick<CorpusFiles, 'sources'>): string {
  const hash = createHash('sha256');
  for (const s of corpus.sources) hash.update(s.file).update('\0').update(s.text).update('\0');
  return hash.digest('hex');
}

/** Everything the worker does (in the worker, memory is the limit: what is done with is let go early), callable in-process too (tests, and the fallback when no worker can start). */
export function buildCorpus(request: BuildRequest): BuildReply {
  try {
    const sources = readCorpusSources(request.dir, { maxBytes: request.maxBytes });
    const corpus = parseCorpusSources(sources);
    const signature = corpusSignature(corpus);
    if (signature === request.current) return { kind: 'unchanged' };
    const holder = { index: request.cacheDir ? loadOrBuildIndex(corpus, request.cacheDir).index : buildMiniSearch(corpus.articles.flatMap((a) => a.passages)) };
    const extracted = request.cacheDir ? loadOrExtract(corpus, request.cacheDir).extracted : extractAll(corpus);
    // The files' texts are no longer needed (the cache is keyed, the passages hold their own text): let them go.
    corpus.sources = [];
    sources.articles = [];
    const index = indexToChunks(holder);
    const articles = corpus.articles.map(({ passages, ...meta }) => ({ meta, passages: toChunks(passages.map(passageFields)) }));
    const chunkedExtraction = { quotes: toChunks(extracted.quotes), discovered: toChunks(extracted.discovered), commitments: toChunks(extracted.commitments) };
    return { kind: 'built', signature, curated: { people: sources.people, synonyms: sources.synonyms }, articles, index, extracted: chunkedExtraction };
  } catch (error) {
    if (error instanceof CorpusError) return { kind: 'failed', corpusError: true, message: error.message, file: error.file, line: error.line };
    return { kind: 'failed', corpusError: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (parentPort && (workerData as { request?: BuildRequest } | null)?.request) {
  parentPort.postMessage(buildCorpus((workerData as { request: BuildRequest }).request));
}
