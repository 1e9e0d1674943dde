// Chat spellings and contractions, expanded before a question is read: "who'd", "wut", "cuz", "pls" are how
// people type in Discord, and none of them is a word the article (or a stemmer) knows. A small table of the
// forms of everyday chat, not of questions: each entry maps one written form to its plain words.
const CHAT_FORMS: Record<string, string> = {
  wut: 'what', wat: 'what', wht: 'what', whats: 'what is', wot: 'what',
  cuz: 'because', coz: 'because', cos: 'because', bc: 'because', becuz: 'because',
  pls: 'please', plz: 'please', plox: 'please',
  u: 'you', ur: 'your', r: 'are', ya: 'you', y: 'why',
  gonna: 'going to', wanna: 'want to', gotta: 'have to', gimme: 'give me', lemme: 'let me', dunno: 'do not know',
  abt: 'about', bout: 'about', tho: 'though', thx: 'thanks', ty: 'thank you',
  ppl: 'people', govt: 'government', gov: 'government', prez: 'president', pres: 'president', pm: 'prime minister',
  tldr: 'summary', 'tl;dr': 'summary',
  whos: 'who is', wheres: 'where is', whens: 'when is', hows: 'how is', whys: 'why is',
  didnt: 'did not', doesnt: 'does not', isnt: 'is not', wasnt: 'was not', wont: 'will not', cant: 'can not',
  lol: '', lmao: '', ngl: '', imo: '', tbh: '', btw: '', rn: 'now', idk: '',
};

/** Clitics: "who'd" -> "who would", "what'll" -> "what will"; "'s" stays (possessive or "is", both harmless). */
const CLITICS: Array<[RegExp, string]> = [
  [/\b(can)['’]t\b/gi, '$1 not'],
  [/\b(won)['’]t\b/gi, 'will not'],
  [/\b(\w+)n['’]t\b/gi, '$1 not'],
  [/\b(\w+)['’]ll\b/gi, '$1 will'],
  [/\b(\w+)['’]d\b/gi, '$1 would'],
  [/\b(\w+)['’]re\b/gi, '$1 are'],
  [/\b(\w+)['’]ve\b/gi, '$1 have'],
  [/\b(i)['’]m\b/gi, '$1 am'],
];

/** Laughter in any length ("haha", "hahaha", "hehe", "lolol", "lmaooo"): it asks for nothing. */
const LAUGHTER = /^(?:(?:a?ha){2,}h?|(?:he){2,}|(?:lo)+l|lmao+|xd+)$/;

/** The question with contractions and chat spellings written out; everything else as typed. */
export function expandChat(question: string): string {
  let out = question;
  for (const [pattern, replacement] of CLITICS) out = out.replace(pattern, replacement);
  return out.replace(/(?<![\p{L}\p{N}'’])[\p{L};]+(?![\p{L}\p{N}'’])/gu, (word) => {
    const lower = word.toLowerCase();
    if (LAUGHTER.test(lower)) return '';
    return Object.hasOwn(CHAT_FORMS, lower) ? CHAT_FORMS[lower]! : word;
  });
}
