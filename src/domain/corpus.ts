// Parses one corpus article (Markdown with front matter) into passages. Pure: text in, Article out.
// The subset of Markdown we accept is small on purpose (front matter, headings, paragraphs, bullet lists):
// anything else is reported with its line so an operator can fix the file instead of guessing.
import type { Article, Passage } from './types.ts';
import { splitSentences } from './text.ts';

/** A corpus file that cannot be used. Start-up stops on it; a live reload keeps the previous index. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`corpus: ${file}:${line}: ${problem}`);
    this.name = 'CorpusError';
  }
}

/**
 * A passage as parsed. Its sentences are split on first read and kept: Intl.Segmenter was a third of loading a
 * 100k-passage archive, and only the passages a question ranks (and list lead-ins) ever need them. Same values,
 * same array on every read; `toJSON` keeps them in serialised passages like a plain field would.
 */
class ParsedPassage implements Passage {
  #sentences: string[] | undefined;

  constructor(
    readonly id: string,
    readonly articleId: string,
    readonly articleTitle: string,
    readonly section: string | null,
    readonly paragraph: number,
    readonly kind: 'paragraph' | 'item',
    readonly text: string,
    readonly line: number,
  ) {}

  get sentences(): string[] {
    return (this.#sentences ??= splitSentences(this.text));
  }

  toJSON(): Passage {
    const { id, articleId, articleTitle, section, paragraph, kind, text, sentences, line } = this;
    return { id, articleId, articleTitle, section, paragraph, kind, text, sentences, line };
  }
}

/** A passage's fields without its sentences: what crosses a thread (class instances do not). */
export type PassageFields = Omit<Passage, 'sentences'>;

/** The passage again from its fields, as parsing made it (sentences split on first read). */
export function restorePassage(p: PassageFields): Passage {
  return new ParsedPassage(p.id, p.articleId, p.articleTitle, p.section, p.paragraph, p.kind, p.text, p.line);
}

const FRONT_MATTER_KEYS = new Set(['title', 'subtitle', 'date', 'source']);

interface Block {
  kind: 'paragraph' | 'item';
  lines: string[];
  line: number;
}

export function parseArticle(markdown: string, file: string): Article {
  const lines = markdown.replace(/^\ufeff/, '').split(/\r?\n/);
  const meta = parseFrontMatter(lines, file);
  const id = file.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
  const passages: Passage[] = [];
  let section: string | null = null;
  let block: Block | null = null;

  const flush = () => {
    if (!block) return;
    const text = block.lines.join(' ').replace(/\s+/g, ' ').trim();
    if (text) {
      const paragraph = passages.length + 1;
      passages.push(new ParsedPassage(`${id}#${paragraph}`, id, meta.title, section, paragraph, block.kind, text, block.line));
    }
    block = null;
  };

  for (let i = meta.bodyStart; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    const trimmed = raw.trim();
    if (!trimmed) {
      flush();
      continue;
    }
    // The text is optional in the pattern so that a bare "##" is reported, not indexed as a paragraph.
    const heading = /^(#{1,6})(?:\s+(.*))?$/.exec(trimmed);
    if (heading) {
      flush();
      const text = (heading[2] ?? '').trim();
      if (!text) throw new CorpusError(file, lineNo, 'empty heading');
      // The H1 repeats the title; deeper headings start sections.
      if (heading[1]!.length > 1) section = text;
      continue;
    }
    if (/^(```|~~~|<|\|)/.test(trimmed)) {
      throw new CorpusError(file, lineNo, `unsupported Markdown (code, HTML or table): "${trimmed.slice(0, 40)}"`);
    }
    const item = /^[-*+•]\s+(.*)$/.exec(trimmed);
    if (item) {
      flush();
      block = { kind: 'item', lines: [item[1]!], line: lineNo };
      continue;
    }
    if (block && (block.kind === 'paragraph' || /^\s/.test(raw))) {
      // A continuation line: wrapped paragraph text, or an indented line under a list item.
      block.lines.push(trimmed);
      continue;
    }
    flush();
    block = { kind: 'paragraph', lines: [trimmed], line: lineNo };
  }
  flush();

  if (passages.length === 0) throw new CorpusError(file, lines.length, 'the article has no paragraphs');
  return { id, file, title: meta.title, subtitle: meta.subtitle, date: meta.date, source: meta.source, passages };
}

interface FrontMatter {
  title: string;
  subtitle: string | null;
  date: string | null;
  source: string | null;
  bodyStart: number;
}

function parseFrontMatter(lines: string[], file: string): FrontMatter {
  if (lines[0]?.trim() !== '---') {
    throw new CorpusError(file, 1, 'missing front matter: the file must start with a "---" line, then "title: …"');
  }
  // Without a closing line the body would be read as front matter and reported as a bad key on some later line.
  if (!lines.slice(1).some((l) => l.trim() === '---')) {
    throw new CorpusError(file, 1, 'front matter is not closed by a "---" line');
  }
  const values = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '---') {
      const title = values.get('title');
      if (!title) throw new CorpusError(file, i + 1, 'front matter has no "title:"');
      const date = values.get('date') ?? null;
      if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        throw new CorpusError(file, 1 + findKeyLine(lines, 'date'), `date "${date}" is not YYYY-MM-DD`);
      }
      return {
        title,
        subtitle: values.get('subtitle') ?? null,
        date,
        source: values.get('source') ?? null,
        bodyStart: i + 1,
      };
    }
    if (!line.trim()) continue;
    const m = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (!m) throw new CorpusError(file, i + 1, `front matter line is not "key: value": "${line.slice(0, 40)}"`);
    const key = m[1]!.toLowerCase();
    if (!FRONT_MATTER_KEYS.has(key)) {
      throw new CorpusError(file, i + 1, `unknown front matter key "${key}" (expected ${[...FRONT_MATTER_KEYS].join(', ')})`);
    }
    values.set(key, m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2'));
  }
  throw new CorpusError(file, lines.length, 'front matter is not closed by a "---" line');
}

function findKeyLine(lines: string[], key: string): number {
  return Math.max(0, lines.findIndex((l) => l.toLowerCase().startsWith(`${key}:`)));
}
