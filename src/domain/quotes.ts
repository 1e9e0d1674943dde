// Extracts who said what, by rules over the text. A quote belongs to the person who says it, never to a
// person it mentions: mentions inside quotation marks are ignored, possessives ("Trump's son-in-law") are
// never subjects, and "he said" goes to the subject of the sentence that leads into the quote.
import type { Passage, Person, Quote } from './types.ts';
import { citationOf } from './citation.ts';
import { findMentions, quoteSpans, Registry, type Mention, type QuoteSpan } from './mentions.ts';

/** Verbs that introduce reported speech, in the forms news copy uses. */
const SPEECH_VERBS =
  'said|says|say|told|tells|stated|states|added|adds|hailed|hails|described|describes|called|calls|praised|warned|warns|insisted|noted|declared|announced|explained|argued|admitted|vowed|urged|asked|replied|wrote|tweeted|posted|labelled|labeled|dubbed|termed|branded|claimed|stressed|emphasised|emphasized|remarked|commented|continued|concluded|acknowledged|conceded|promised|pledged|confirmed|predicted|suggested|observed|insists|adding|saying|calling|describing';
const VERB = `(?:${SPEECH_VERBS})`;
const ADVERB = String.raw`(?:\w+ly\s+|later\s+|also\s+|then\s+|again\s+)?`;
// An unregistered speaker: one to four capitalised words ("Jean-Noël Barrot", "Mr Smith").
const NAME = String.raw`(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3})`;

export interface ExtractedQuotes {
  quotes: Quote[];
  /** Speakers found in the text who are not in the registry (so a second article needs no registry edit). */
  discovered: Person[];
}

export function extractQuotes(passages: Passage[], people: Person[]): ExtractedQuotes {
  const quotes: Quote[] = [];
  const discovered = new Map<string, Person>();
  // Discovered speakers by alias (their surname), first discovered first: looked up on every new attribution.
  const byAlias = new Map<string, Person>();
  const known = new Registry(people);
  let previous: { passage: Passage; speaker: string; quote: QuoteSpan } | null = null;
  let before: Context | null = null;

  for (const passage of passages) {
    if (before && before.passage.articleId !== passage.articleId) before = previous = null;
    const text = passage.text;
    const spans = quoteSpans(text);
    // Two passages in three quote nobody: their mentions only matter if the next passage opens with a quote
    // ("…," he said), so they are found then. The registry cannot have changed in between: discoveries happen
    // at quotes, and this passage has none. Finding mentions everywhere was most of a big archive's start-up.
    const here = new Context(passage, spans, known, spans.length ? findMentions(text, known.candidates(text), spans) : undefined);
    for (const q of spans) {
      const attribution: Attribution =
        attributeAfter(q, here, before) ??
        attributeLeadIn(text, q, here.mentions, spans) ??
        (previous && startsSentence(text, q) && (previous.passage === passage ? onlySpaceOrAttributionBetween(text, previous.quote, q) : q.start === 0)
          ? { speaker: previous.speaker, rule: 'run-on' as const }
          : null);
      let speaker: string | null = null;
      let rule: Quote['rule'] = 'after';
      if (attribution && 'speaker' in attribution) {
        speaker = attribution.speaker;
        rule = attribution.rule;
      } else if (attribution && 'newName' in attribution) {
        const person = discover(attribution.newName, discovered, known, byAlias);
        speaker = person.name;
        rule = attribution.rule;
      }
      if (!speaker) continue;
      quotes.push({ speaker, text: q.inner.replace(/,\s*$/, ''), citation: citationOf(passage), rule });
      previous = { passage, speaker, quote: q };
    }
    // A paragraph with no quote breaks a run of speech.
    if (spans.length === 0) previous = null;
    before = here;
  }
  return { quotes, discovered: [...discovered.values()] };
}

/** A passage with its quotes and, found when first read unless given, the people it names outside them. */
class Context {
  #mentions: Mention[] | undefined;

  constructor(
    readonly passage: Passage,
    readonly spans: QuoteSpan[],
    private readonly known: Registry,
    mentions?: Mention[],
  ) {
    this.#mentions = mentions;
  }

  get mentions(): Mention[] {
    return (this.#mentions ??= findMentions(this.passage.text, this.known.candidates(this.passage.text), this.spans));
  }
}

type Attribution = { speaker: string; rule: Quote['rule'] } | { newName: string; rule: Quote['rule'] } | null;

/** `"…," Sir Keir told the media` · `"…," said Macron` · `"…," he said`. */
function attributeAfter(q: QuoteSpan, here: Context, before: Context | null): Attribution {
  const { text } = here.passage;
  const { mentions } = here;
  const rest = text.slice(q.end);
  const lead = /^[\s,]*/.exec(rest)![0].length;
  const at = q.end + lead;
  if (/^(he|she|they)\s+/i.test(rest.slice(lead)) && new RegExp(`^(?:he|she|they)\\s+${ADVERB}${VERB}\\b`, 'iu').test(rest.slice(lead))) {
    // A quote opening its paragraph is led into by the previous paragraph's last sentences.
    const subject = leadSubject(here, q.start) ?? (before && q.start === 0 ? leadSubject(before, before.passage.text.length) : null);
    return subject ? { speaker: subject.name, rule: 'pronoun' } : null;
  }
  const mention = mentions.find((m) => m.start === at && !m.possessive);
  if (mention && new RegExp(`^\\s+${ADVERB}${VERB}\\b`, 'iu').test(text.slice(mention.end))) {
    return { speaker: mention.person.name, rule: 'after' };
  }
  const verbFirst = new RegExp(`^${VERB}\\s+`, 'iu').exec(rest.slice(lead));
  if (verbFirst) {
    const m = mentions.find((x) => x.start === at + verbFirst[0].length);
    if (m) return { speaker: m.person.name, rule: 'after' };
    const name = new RegExp(`^${NAME}`, 'u').exec(rest.slice(lead + verbFirst[0].length));
    if (name) return { newName: name[1]!, rule: 'after' };
  }
  const nameFirst = new RegExp(`^${NAME}\\s+${ADVERB}${VERB}\\b`, 'u').exec(rest.slice(lead));
  if (nameFirst && !/^(He|She|They|It|This|That)$/.test(nameFirst[1]!)) return { newName: nameFirst[1]!, rule: 'after' };
  return null;
}

/** `Witkoff described European leaders as "colleagues"`: the subject of the sentence, if a speech verb leads in. */
function attributeLeadIn(text: string, q: QuoteSpan, mentions: Mention[], spans: QuoteSpan[]): Attribution {
  const sentenceStart = startOfSentence(text, q.start, spans);
  const prefix = text.slice(sentenceStart, q.start);
  // "According to Starmer, Putin described…": a name in an "according to" phrase is the source, not the subject.
  const subject = mentions.find(
    (m) => m.start >= sentenceStart && m.end <= q.start && !m.possessive && !/according to\s+$/i.test(text.slice(sentenceStart, m.start)),
  );
  if (subject) {
    const between = text.slice(subject.end, q.start);
    if (new RegExp(`\\b${VERB}\\b`, 'iu').test(between) || /:\s*$/.test(between)) return { speaker: subject.person.name, rule: 'lead-in' };
    return null;
  }
  const named = new RegExp(`^(?:[^"“]*?,\\s+)?${NAME}\\s+${ADVERB}${VERB}\\b`, 'u').exec(prefix);
  if (named && !/^(He|She|They|It|This|That|The|A|An)\b/.test(named[1]!)) return { newName: named[1]!, rule: 'lead-in' };
  return null;
}

/** The subject of the sentence that leads into `pos`: its first non-possessive mention outside quotes. */
function leadSubject({ passage, mentions, spans }: Context, pos: number): Person | null {
  const { text } = passage;
  // Walk back through earlier sentences of the paragraph (nearest first) until one names someone.
  let end = pos;
  while (end > 0) {
    // Step back over the spaces and the full stop that end the previous sentence, then find where it starts.
    let last = end;
    while (last > 0 && /\s/.test(text[last - 1]!)) last--;
    const start = startOfSentence(text, Math.max(0, last - 1), spans);
    if (start >= end) break;
    const subject = mentions.find((m) => m.start >= start && m.end <= end && !m.possessive);
    if (subject) return subject.person;
    end = start;
  }
  return null;
}

/** Start of the sentence containing `pos`, skipping sentence ends that fall inside quotation marks. */
function startOfSentence(text: string, pos: number, spans: QuoteSpan[]): number {
  for (let i = pos - 1; i > 0; i--) {
    if (/[.!?]/.test(text[i]!) && /\s/.test(text[i + 1] ?? '') && !spans.some((s) => i > s.start && i < s.end - 1)) {
      // A quote that closes right after the full stop ends its sentence there too.
      return i + 1 + (/^\s*/.exec(text.slice(i + 1))![0].length);
    }
    if (/["”]/.test(text[i]!) && /[.!?]/.test(text[i - 1]!) && spans.some((s) => s.end === i + 1)) {
      return i + 1 + (/^\s*/.exec(text.slice(i + 1))![0].length);
    }
  }
  return 0;
}

function startsSentence(text: string, q: QuoteSpan): boolean {
  return q.start === 0 || /[.!?]["”]?\s+$/.test(text.slice(0, q.start));
}

/** Between two quotes of one passage: nothing, or just the attribution of the first (`Sir Keir told the media.`). */
function onlySpaceOrAttributionBetween(text: string, a: QuoteSpan, b: QuoteSpan): boolean {
  const between = text.slice(a.end, b.start);
  return between.length < 80 && !/["“]/.test(between);
}

function discover(found: string, discovered: Map<string, Person>, known: Registry, byAlias: Map<string, Person>): Person {
  // NAME keeps inner dots for initials ("J. D. Vance"); a full stop after a whole word ends the sentence ("said Jane Doe.").
  const name = found.replace(/(?<=\p{L}{2})\.$/u, '');
  const existing = discovered.get(name) ?? byAlias.get(name);
  if (existing) return existing;
  const words = name.split(/\s+/);
  const short = words[words.length - 1]!;
  const person: Person = { name, short, role: '', aliases: words.length > 1 ? [short] : [] };
  discovered.set(name, person);
  for (const alias of person.aliases) if (!byAlias.has(alias)) byAlias.set(alias, person);
  known.add(person);
  return person;
}
