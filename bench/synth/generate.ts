// A synthetic news archive: Markdown articles in the corpus format (front matter, sections, paragraphs, the odd
// bullet list), written from a small grammar over Zipf-weighted word lists, with quotes attributed to a large
// pool of generated people. Realistic where it matters for speed: passage length (~55 words), a long-tailed
// vocabulary, frequent words in most passages, many speakers, and list items with their lead-in paragraph.
import { pick, seeded, shuffled, zipfPicker } from './random.ts';
import * as V from './vocabulary.ts';

export interface SynthArticle {
  /** File name, e.g. "synth-00042.md". */
  name: string;
  markdown: string;
  passages: number;
}

type Rng = () => number;

/** Zipf–Mandelbrot offset for content words (see Zipf in random.ts). */
const HEAD = 10;

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function plural(n: string): string {
  if (/[^aeiou]y$/.test(n)) return `${n.slice(0, -1)}ies`;
  if (/[^s]s$/.test(n)) return n; // already plural: "troops", "talks"
  if (/(s|x|ch|sh)$/.test(n)) return `${n}es`;
  return `${n}s`;
}

function past(v: string): string {
  const irregular = V.IRREGULAR_PAST[v];
  if (irregular) return irregular;
  if (v.endsWith('e')) return `${v}d`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`;
  return `${v}ed`;
}

function gerund(v: string): string {
  return v.endsWith('e') && !v.endsWith('ee') ? `${v.slice(0, -1)}ing` : `${v}ing`;
}

/** Derived words, shuffled: the rare tail that follows the core list ("reinvestment", "counterproposal"). */
function derive(rng: Rng, roots: string[], count: number): string[] {
  const out = new Set<string>();
  for (const root of roots) {
    const stem = root.replace(/e$/, '');
    for (const p of V.PREFIXES) out.add(p + root);
    for (const x of V.SUFFIXES) out.add(stem + x);
    for (const p of V.PREFIXES) for (const x of V.SUFFIXES) out.add(p + stem + x);
  }
  return shuffled(rng, [...out]).slice(0, count);
}

function syllableWords(rng: Rng, count: number, endings: string[]): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const n = 2 + Math.floor(rng() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(rng, V.SYLLABLES);
    out.add(cap(w + pick(rng, endings)));
  }
  return [...out];
}

/** Word pools with their Zipf pickers; built once per archive from the seed. */
function lexicon(rng: Rng) {
  const nouns = [...V.NOUNS, ...derive(rng, V.NOUNS, 40_000)];
  const adjectives = [...V.ADJECTIVES, ...derive(rng, V.ADJECTIVES, 10_000)];
  const verbs = [...V.VERBS, ...V.VERBS.flatMap((v) => ['re', 'over', 'under', 'co', 'out', 'mis'].map((p) => p + v))];
  const surnames = syllableWords(rng, 20_000, ['', 'er', 'ova', 'son', 'ez', 'i', 'ski', 'ard']);
  const places = syllableWords(rng, 8_000, ['burg', 'ia', 'stad', 'mouth', 'ovo', 'ville', '', 'ford', 'ana']);
  const people = surnames.map((s) => `${pick(rng, V.FIRST_NAMES)} ${s}`);
  // Zipf–Mandelbrot with a flattened head: the commonest content word lands in about one passage in ten,
  // the commonest name in a few per cent; `npm run bench -- --stats` prints the measured spread.
  return {
    noun: zipfPicker(nouns, 1.05, HEAD),
    adjective: zipfPicker(adjectives, 1.05, HEAD),
    verb: zipfPicker(verbs, 1.05, HEAD),
    person: zipfPicker(people, 1, HEAD),
    place: zipfPicker(places, 1, HEAD),
    role: zipfPicker(V.ROLES),
    org: (r: Rng) => `${pick(r, places.slice(0, 300))} ${pick(r, V.ORG_KINDS)}`,
  };
}

type Lexicon = ReturnType<typeof lexicon>;

/** One of a few interchangeable words, so the grammar's own words do not dominate the vocabulary. */
const any = (rng: Rng, options: string) => pick(rng, options.split('|'));

function sentence(rng: Rng, L: Lexicon): string {
  const n = () => L.noun(rng);
  const a = () => L.adjective(rng);
  const v = () => L.verb(rng);
  const p = () => L.place(rng);
  const who = () => L.person(rng);
  const num = () => String(Math.floor(Math.pow(rng(), 3) * 5000) + 2);
  const when = () => `${pick(rng, V.MONTHS)} ${2015 + Math.floor(rng() * 12)}`;
  const day = () => pick(rng, V.DAYS);
  const quote = () =>
    pick(rng, [
      () => `We will ${v()} the ${n()} and ${v()} every ${n()} in ${p()}`,
      () => `This ${n()} is ${a()} for our ${plural(n())}`,
      () => `There is no ${n()} without a ${a()} ${n()}`,
      () => `Nobody expected the ${n()} to ${v()} so ${any(rng, 'quickly|soon|badly|far|late')}`,
      () => `Our ${plural(n())} deserve a ${a()} ${n()}, not another ${n()}`,
      () => `The ${n()} in ${p()} shows why we must ${v()} the ${n()} now`,
    ])();
  const templates: Array<() => string> = [
    () => `${who()}, the ${a()} ${L.role(rng)} of ${p()}, ${any(rng, 'said|announced|confirmed|argued')} on ${day()} that the ${n()} would ${v()} the ${a()} ${n()} in ${p()}.`,
    () => `The ${n()} ${past(v())} ${num()} ${plural(n())} in ${p()} ${any(rng, 'after|before|despite|amid')} ${a()} ${plural(n())} with the ${L.org(rng)}.`,
    () => `${any(rng, 'Officials|Authorities|Sources|Diplomats|Analysts')} in ${p()} ${past(v())} that a ${a()} ${n()} could ${v()} ${plural(n())} by ${when()}.`,
    () => `"${quote()}," ${who()} ${any(rng, 'said|told reporters|added|warned')}.`,
    () => `"${quote()}," said ${who()}, the ${a()} ${L.role(rng)}.`,
    () => `${who()} ${any(rng, 'told reporters|said in a statement|wrote|said')}: "${quote()}."`,
    () => `According to the ${L.org(rng)}, ${num()} ${plural(n())} ${past(v())} the ${n()} ${any(rng, 'last|on|by')} ${day()}.`,
    () => `${p()} and ${p()} have ${past(v())} a ${a()} ${n()} on ${n()} and ${n()}, ${any(rng, 'ending|extending|capping')} ${any(rng, 'months|weeks|years')} of ${a()} ${n()}.`,
    () => `${any(rng, 'Critics|Opponents|Supporters|Residents|Economists')} ${past(v())} the ${n()} as ${a()}, ${any(rng, 'arguing|saying|warning|claiming')} it would ${v()} ${plural(n())} ${any(rng, 'without|beyond|within')} a ${n()}.`,
    () => `The ${a()} ${n()} is ${any(rng, 'expected|due|likely|set')} to ${v()} ${plural(n())} ${any(rng, 'across|in|throughout|around')} ${p()} from ${when()}.`,
    () => `It was the ${a()} ${n()} since ${2000 + Math.floor(rng() * 26)}, when ${plural(n())} ${past(v())} the ${n()} of ${p()}.`,
    () => `${who()}, who ${past(v())} the ${n()} in ${when()}, ${past(v())} ${a()} ${plural(n())} on ${day()}.`,
    () => `${cap(plural(n()))} ${any(rng, 'rose|fell|climbed|dropped')} by ${num()} ${any(rng, 'per cent|points|million')} in ${when()}, the ${L.org(rng)} ${any(rng, 'said|reported|estimated')}.`,
    () => `The ${n()} of ${p()} ${any(rng, 'remains|looks|appears')} ${a()} as ${plural(n())} ${v()} the ${a()} ${n()}.`,
    () => `${who()} ${any(rng, 'met|visited|called|thanked')} ${who()} ${any(rng, 'in|near|outside')} ${p()} to ${v()} the ${n()} and the ${a()} ${n()}.`,
    () => `${any(rng, 'Meanwhile|However|Separately|Earlier')}, ${plural(n())} in ${p()} ${past(v())} a ${a()} ${n()} ${any(rng, 'over|about|against')} the ${n()}.`,
  ];
  return cap(pick(rng, templates)());
}

function paragraph(rng: Rng, L: Lexicon): string {
  const x = rng();
  const count = x < 0.1 ? 1 : x < 0.4 ? 2 : x < 0.75 ? 3 : 4;
  return Array.from({ length: count }, () => sentence(rng, L)).join(' ');
}

function article(rng: Rng, L: Lexicon, id: number, budget: number): SynthArticle {
  const title = `${L.place(rng)} and ${L.place(rng)} ${cap(past(L.verb(rng)))} ${cap(L.adjective(rng))} ${cap(L.noun(rng))} ${cap(plural(L.noun(rng)))}`;
  const date = `${2015 + Math.floor(rng() * 12)}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`;
  const lines = ['---', `title: ${title}`, `date: ${date}`, 'source: synthetic (bench/synth)', '---', '', `# ${title}`, ''];
  const target = Math.min(budget, 15 + Math.floor(rng() * 26));
  let passages = 0;
  while (passages < target) {
    if (passages > 0 && rng() < 0.2) lines.push(`## The ${cap(L.adjective(rng))} ${cap(L.noun(rng))}`, '');
    if (target - passages >= 4 && rng() < 0.05) {
      // A list led in by a paragraph that names what it lists, like the real article's commitments.
      lines.push(`The ${L.noun(rng)} sets out several ${L.adjective(rng)} measures the ${L.org(rng)} will undertake. These include:`, '');
      const items = Math.min(target - passages - 1, 3 + Math.floor(rng() * 3));
      for (let i = 0; i < items; i++) lines.push(`- ${cap(gerund(L.verb(rng)))} ${L.adjective(rng)} ${plural(L.noun(rng))} in ${L.place(rng)}.`);
      lines.push('');
      passages += items + 1;
      continue;
    }
    lines.push(paragraph(rng, L), '');
    passages++;
  }
  return { name: `synth-${String(id).padStart(5, '0')}.md`, markdown: lines.join('\n'), passages };
}

/** Articles totalling exactly `passages` passages (zero gives none), the same for the same seed. */
export function generateArticles(passages: number, seed: number): SynthArticle[] {
  const rng = seeded(seed);
  const L = lexicon(rng);
  const out: SynthArticle[] = [];
  let total = 0;
  while (total < passages) {
    const a = article(rng, L, out.length + 1, passages - total);
    out.push(a);
    total += a.passages;
  }
  return out;
}
