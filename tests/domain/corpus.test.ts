// Specification of the corpus format: front matter, headings, paragraphs and list items become cited passages;
// the real article is parsed verbatim; a second article needs no code; a malformed file names its line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusError, parseArticle } from '../../src/domain/corpus.ts';
import { createEngine } from '../../src/domain/engine.ts';
import { loadCorpus } from '../../src/domain/load.ts';
import type { Article } from '../../src/domain/types.ts';

const CORPUS = join(import.meta.dirname, '../../corpus');
const SOURCE = join(import.meta.dirname, '../fixtures/source/uk-france-pact.txt');

/** Builds a small article; `body` follows the front matter. */
const article = (body: string, front = 'title: A Small Article') => `---\n${front}\n---\n${body}`;

/** The error a parse throws, for assertions on its fields (fails the test if nothing is thrown). */
function parseError(markdown: string, file = 'corpus/bad.md'): CorpusError {
  try {
    parseArticle(markdown, file);
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusError);
    return error as CorpusError;
  }
  throw new Error('test: expected a CorpusError, the article parsed');
}

describe('parseArticle', () => {
  it('reads the front matter: title, subtitle, date and source (quotes around a value dropped)', () => {
    const a = parseArticle(
      '---\ntitle: "The Title"\nsubtitle: A subtitle\ndate: 2026-01-06\nsource: somewhere\n---\nText.\n',
      'dir/the-id.md',
    );
    expect(a).toMatchObject({ id: 'the-id', file: 'dir/the-id.md', title: 'The Title', subtitle: 'A subtitle', date: '2026-01-06', source: 'somewhere' });
  });

  it('leaves optional front matter keys null', () => {
    const a = parseArticle(article('Text.\n'), 'x.md');
    expect(a).toMatchObject({ title: 'A Small Article', subtitle: null, date: null, source: null });
  });

  it('turns headings into sections: the H1 repeats the title, deeper headings start a section', () => {
    const a = parseArticle(article('# A Small Article\n\nLead.\n\n## First part\n\nOne.\n\n### Detail\n\nTwo.\n'), 'x.md');
    expect(a.passages.map((p) => [p.text, p.section])).toEqual([
      ['Lead.', null],
      ['One.', 'First part'],
      ['Two.', 'Detail'],
    ]);
  });

  it('joins consecutive lines into one paragraph and ends it at a blank line', () => {
    const a = parseArticle(article('First line\ncontinues   here.\n\nSecond paragraph.\n'), 'x.md');
    expect(a.passages.map((p) => p.text)).toEqual(['First line continues here.', 'Second paragraph.']);
    expect(a.passages.every((p) => p.kind === 'paragraph')).toBe(true);
  });

  it('makes each bullet item a passage of kind "item", with indented continuation lines', () => {
    const a = parseArticle(article('These include:\n\n- one thing\n  wrapped on.\n* another thing.\n+ a third.\n\nAfter the list.\n'), 'x.md');
    expect(a.passages.map((p) => [p.kind, p.text])).toEqual([
      ['paragraph', 'These include:'],
      ['item', 'one thing wrapped on.'],
      ['item', 'another thing.'],
      ['item', 'a third.'],
      ['paragraph', 'After the list.'],
    ]);
  });

  it('numbers paragraphs and items 1, 2, 3… across sections, with ids and source lines', () => {
    const md = article('Lead.\n\n## S\n\nOne.\n\n- item\n');
    const a = parseArticle(md, 'dir/art.md');
    expect(a.passages.map((p) => p.paragraph)).toEqual([1, 2, 3]);
    expect(a.passages.map((p) => p.id)).toEqual(['art#1', 'art#2', 'art#3']);
    const lines = md.split('\n');
    for (const p of a.passages) expect(lines[p.line - 1]).toContain(p.text);
    expect(a.passages.every((p) => p.articleId === 'art' && p.articleTitle === 'A Small Article')).toBe(true);
  });

  it('splits sentences with Intl.Segmenter, verbatim', () => {
    const text = '"We are ready," she said. Is it over? Not yet! The end.';
    const a = parseArticle(article(`${text}\n`), 'x.md');
    const expected = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)].map((s) => s.segment.trim());
    expect(a.passages[0]!.sentences).toEqual(expected);
    expect(a.passages[0]!.sentences.join(' ')).toBe(text);
  });

  it('gives the same sentences on every read, and keeps them when a passage is serialised', () => {
    const text = 'One thing. Another thing.';
    const p = parseArticle(article(`${text}\n`), 'x.md').passages[0]!;
    expect(p.sentences).toBe(p.sentences);
    expect(Array.isArray(p.sentences)).toBe(true);
    expect(JSON.parse(JSON.stringify(p))).toEqual({
      id: 'x#1',
      articleId: 'x',
      articleTitle: 'A Small Article',
      section: null,
      paragraph: 1,
      kind: 'paragraph',
      text,
      sentences: ['One thing.', 'Another thing.'],
      line: 4,
    });
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    const a = parseArticle('\ufeff---\r\ntitle: T\r\n---\r\nOne.\r\n\r\nTwo.\r\n', 'x.md');
    expect(a.title).toBe('T');
    expect(a.passages.map((p) => p.text)).toEqual(['One.', 'Two.']);
  });
});

describe('a malformed article stops start-up with one error naming the file and line', () => {
  const cases: Array<{ name: string; md: string; line: number; problem: RegExp }> = [
    { name: 'missing front matter', md: '# Title\n\nText.\n', line: 1, problem: /missing front matter/ },
    { name: 'unclosed front matter', md: '---\ntitle: T\n\nText here.\n', line: 1, problem: /not closed/ },
    { name: 'an unknown front matter key', md: '---\ntitle: T\nauthor: Me\n---\nText.\n', line: 3, problem: /unknown front matter key "author"/ },
    { name: 'a front matter line that is not "key: value"', md: '---\ntitle: T\njust words\n---\nText.\n', line: 3, problem: /key: value/ },
    { name: 'a date that is not YYYY-MM-DD', md: '---\ntitle: T\ndate: 6 Jan 2026\n---\nText.\n', line: 3, problem: /date "6 Jan 2026"/ },
    { name: 'no title', md: '---\ndate: 2026-01-06\n---\nText.\n', line: 3, problem: /no "title:"/ },
    { name: 'a code fence', md: article('\nPara.\n\n```\ncode\n```\n'), line: 7, problem: /unsupported Markdown/ },
    { name: 'an HTML block', md: article('<div>x</div>\n'), line: 4, problem: /unsupported Markdown/ },
    { name: 'a table', md: article('| a | b |\n'), line: 4, problem: /unsupported Markdown/ },
    { name: 'an empty heading', md: article('Text.\n\n##\n'), line: 6, problem: /empty heading/ },
    { name: 'an empty article', md: article('\n# Title only\n\n## A section\n'), line: 8, problem: /no paragraphs/ },
  ];
  for (const c of cases) {
    it(`reports ${c.name}`, () => {
      const error = parseError(c.md, 'corpus/bad.md');
      expect(error.file).toBe('corpus/bad.md');
      expect(error.line).toBe(c.line);
      expect(error.message).toMatch(new RegExp(`^corpus: corpus/bad\\.md:${c.line}: `));
      expect(error.message).toMatch(c.problem);
      expect(error.message).not.toContain('\n');
    });
  }
});

/**
 * The published article as blocks: title and subtitle, then paragraphs, headings and bullet lines. A heading
 * is a one-line block without closing punctuation; a bullet line starts with "•".
 */
function sourceStructure(text: string) {
  const blocks = text.split(/\n\s*\n/).map((b) => b.split('\n').map((l) => l.trim()).filter(Boolean)).filter((b) => b.length);
  const [head, ...body] = blocks;
  const passages: Array<{ text: string; section: string | null; kind: 'paragraph' | 'item' }> = [];
  let section: string | null = null;
  for (const block of body) {
    if (block.length === 1 && !/[.!?:"”]$/.test(block[0]!)) section = block[0]!;
    else if (block.every((l) => l.startsWith('•'))) for (const l of block) passages.push({ text: l.replace(/^•\s*/, ''), section, kind: 'item' });
    else passages.push({ text: block.join(' '), section, kind: 'paragraph' });
  }
  return { title: head![0]!, subtitle: head![1] ?? null, passages };
}

describe('the real corpus', () => {
  let pact: Article;
  let source: ReturnType<typeof sourceStructure>;
  beforeAll(() => {
    pact = loadCorpus(CORPUS).articles.find((a) => a.id === 'uk-france-pact')!;
    source = sourceStructure(readFileSync(SOURCE, 'utf8'));
  });

  it('has the title and subtitle of the published article, and a date', () => {
    expect(pact.title).toBe(source.title);
    expect(pact.subtitle).toBe(source.subtitle);
    expect(pact.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('holds every paragraph and bullet of the published article verbatim, in order', () => {
    expect(pact.passages.map((p) => p.text)).toEqual(source.passages.map((p) => p.text));
  });

  it('cites each passage under the section heading it falls under, lists as items', () => {
    expect(pact.passages.map((p) => [p.section, p.kind])).toEqual(source.passages.map((p) => [p.section, p.kind]));
  });
});

describe('loadCorpus', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'pactbot-corpus-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const copy = (name: string) => {
    const dir = join(tmp, name);
    cpSync(CORPUS, dir, { recursive: true });
    return dir;
  };

  it('indexes a second article dropped into the folder and cites it under its own title, with no code change', () => {
    const dir = copy('two-articles');
    const title = 'Lighthouse Keepers Return to Skerryvore';
    writeFileSync(
      join(dir, 'lighthouse.md'),
      article('## The Return\n\nThe keepers of the Skerryvore lighthouse returned after a century of automation, the harbour board said.\n', `title: ${title}\ndate: 2026-02-01`),
    );
    const engine = createEngine(loadCorpus(dir));
    expect(engine.info().articles.map((a) => a.title)).toContain(title);
    const r = engine.ask('When did the Skerryvore lighthouse keepers return?');
    expect(r.answered).toBe(true);
    if (!r.answered) return;
    expect(r.passages[0]!.citation).toMatchObject({ articleId: 'lighthouse', articleTitle: title, section: 'The Return', paragraph: 1 });
    // The first article still answers as before.
    expect(engine.ask('Who will verify the ceasefire?').answered).toBe(true);
  });

  it('ignores a README.md in the corpus folder', () => {
    const dir = copy('with-readme');
    writeFileSync(join(dir, 'README.md'), '# Not an article\n\nNo front matter here.\n');
    expect(loadCorpus(dir).articles.map((a) => a.id)).not.toContain('README');
  });

  it('stops on a malformed article with its file and line', () => {
    const dir = copy('broken');
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: T\ncolour: red\n---\nText.\n');
    expect(() => loadCorpus(dir)).toThrowError(new RegExp(`^corpus: .*broken\\.md:3: unknown front matter key`));
  });

  it('stops when a curated file is missing, or when there is no article', () => {
    const dir = copy('no-people');
    rmSync(join(dir, 'people.json'));
    expect(() => loadCorpus(dir)).toThrowError(/people\.json.*missing curated data file/);
    const empty = join(tmp, 'empty');
    cpSync(join(CORPUS, 'people.json'), join(empty, 'people.json'));
    expect(() => loadCorpus(empty)).toThrowError(/no Markdown article/);
    expect(() => loadCorpus(join(tmp, 'does-not-exist'))).toThrowError(CorpusError);
  });
});
