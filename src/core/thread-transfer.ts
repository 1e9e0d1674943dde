// Moving a built corpus from the worker thread to the main thread without stalling the main thread. A worker
// message is deserialised in one go when it arrives: an object graph of a 50 MB corpus (350k passages, an
// index of millions of small objects) took seconds to deserialise, all of it blocking. Strings deserialise at
// memory speed, so large arrays travel as JSON strings of a few thousand elements each, and the main thread
// parses one chunk per turn of the event loop; requests are answered in between.
import { loadMiniSearchAsync, type PassageIndex, type PassageIndexData } from '../domain/search.ts';

/** Elements per chunk: each JSON.parse on the main thread stays within a few milliseconds. */
export const CHUNK_ELEMENTS = 5_000;

export type Chunked<T> = string[] & { readonly __element?: T };

export function toChunks<T>(items: readonly T[], size = CHUNK_ELEMENTS): Chunked<T> {
  const chunks: string[] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(JSON.stringify(items.slice(i, i + size)));
  return chunks;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The items back, one chunk per turn of the event loop, each mapped by `restore`. */
export async function fromChunks<T, R = T>(chunks: Chunked<T>, restore: (item: T) => R = (item) => item as unknown as R): Promise<R[]> {
  const out: R[] = [];
  for (const chunk of chunks) {
    for (const item of JSON.parse(chunk) as T[]) out.push(restore(item));
    await nextTurn();
  }
  return out;
}

type Entries = Array<[string, unknown]>;

/** A MiniSearch index as chunks: its big maps and its term list chunked, the rest as one small JSON. */
export interface IndexChunks {
  head: string;
  documentIds: Chunked<Entries[number]>;
  fieldLength: Chunked<Entries[number]>;
  storedFields: Chunked<Entries[number]>;
  terms: Chunked<unknown>;
}

/**
 * Takes the index out of `holder` (so the MiniSearch instance can be collected once its plain form exists) and
 * releases each slice of terms once it is a string: the worker never holds the index three times over.
 */
export function indexToChunks(holder: { index: PassageIndex | null }): IndexChunks {
  const { index: terms, documentIds, fieldLength, storedFields, ...head } = holder.index!.toJSON();
  holder.index = null;
  const termChunks: string[] = [];
  for (let i = 0; i < terms.length; i += CHUNK_ELEMENTS) {
    termChunks.push(JSON.stringify(terms.slice(i, i + CHUNK_ELEMENTS)));
    terms.fill(null as never, i, i + CHUNK_ELEMENTS);
  }
  return {
    head: JSON.stringify(head),
    documentIds: toChunks(Object.entries(documentIds)),
    fieldLength: toChunks(Object.entries(fieldLength)),
    storedFields: toChunks(Object.entries(storedFields)),
    terms: termChunks,
  };
}

export async function indexFromChunks(chunks: IndexChunks): Promise<PassageIndex> {
  // Keys are MiniSearch's short ids (digits): a null-prototype object keeps them plain data all the same.
  const object = async (parts: Chunked<Entries[number]>) => {
    const target = Object.create(null) as Record<string, unknown>;
    await fromChunks(parts, ([key, value]) => void (target[key] = value));
    return target;
  };
  const data = {
    ...(JSON.parse(chunks.head) as object),
    documentIds: await object(chunks.documentIds),
    fieldLength: await object(chunks.fieldLength),
    storedFields: await object(chunks.storedFields),
    index: await fromChunks(chunks.terms),
  } as PassageIndexData;
  return loadMiniSearchAsync(data);
}
