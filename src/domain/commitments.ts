// Extracts the commitments: a bullet list introduced by a sentence that names measures, pledges or
// commitments, each item attributed to the party that sentence says will carry it out.
import type { Commitment, Passage } from './types.ts';
import type { Party } from './curated.ts';
import { citationOf } from './citation.ts';

const COMMITMENT_WORDS = /\b(measures?|commitments?|pledges?|undertak\w*|commit\w*|promis\w*|obligations?|guarantees?)\b/i;
const WILL = String.raw`(?:will|would|shall|must|has|have|is|are|agreed|pledged|committed|promised|undertook)`;

export function extractCommitments(passages: Passage[], parties: Party[]): Commitment[] {
  const out: Commitment[] = [];
  for (let i = 0; i < passages.length; i++) {
    const intro = passages[i]!;
    const next = passages[i + 1];
    // The list follows a paragraph that ends with a colon ("These include:").
    if (intro.kind !== 'paragraph' || !next || next.kind !== 'item' || !/:\s*$/.test(intro.text)) continue;
    if (next.articleId !== intro.articleId) continue;
    const sentence = intro.sentences.find((s) => COMMITMENT_WORDS.test(s));
    if (!sentence) continue;
    const party = partyOf(sentence, parties) ?? partyOf(intro.text, parties) ?? 'Unspecified';
    for (let j = i + 1; j < passages.length && passages[j]!.kind === 'item' && passages[j]!.articleId === intro.articleId; j++) {
      const item = passages[j]!;
      out.push({ text: item.text, party, citation: citationOf(item), introducedBy: sentence });
    }
  }
  return out;
}

/** The party that "will" do something in the sentence ("the UK will undertake"), else the first one named. */
function partyOf(sentence: string, parties: Party[]): string | null {
  let first: { at: number; name: string } | null = null;
  for (const party of parties) {
    for (const alias of [party.name, ...party.aliases]) {
      const name = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(?<![\\p{L}])${name}\\s+${WILL}\\b`, 'u').test(sentence)) return party.name;
      const at = sentence.search(new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u'));
      if (at >= 0 && (!first || at < first.at)) first = { at, name: party.name };
    }
  }
  return first?.name ?? null;
}
