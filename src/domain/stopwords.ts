// Words that carry no meaning for retrieval. Kept out of the index (so they cost nothing at query time, which
// matters at 100k passages where "the" matches every document) and dropped from questions.
// Based on the common English function-word lists, plus the words people wrap questions in
// ("tell me", "what does the article say") that would otherwise count as unmatched content.
const FUNCTION_WORDS = `a about above after again against all am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further
had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll
i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other
ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the
their theirs them themselves then there there's these they they'd they'll they're they've this those through to too under
until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's
us whom why why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
will shall may might must also just yet still even ever really actually exactly whether whose upon onto via per`;

const QUESTION_WRAPPERS = `tell please know explain article story piece report text mention mentioned mentions say says
does anything something someone somebody thing things kind sort lot lots much many like get got going gonna wanna
happen happened happening according basically literally honestly seriously somewhere anyone anybody everyone
whole stuff guys hey hi hello ok okay yeah yes lol pls plz thanks thank bot right read heard hear think thought
wonder wondering curious mean means meant able went overall`;

// Chat register: interjections and abbreviations people type in Discord ("ngl", "fr tho", "or nah"), and
// light verbs that carry no topic of their own ("put", "get", "make", "take").
const CHAT = `lol lmao lmfao rofl ngl tbh fr tho tho' rly rlly bruh bro yo ya yah nah nope yep yup u ur r n y wat wut whats
wats wot tryna gonna gotta kinda sorta dunno idk imo imho btw omg smh fam dude guys guy pls plz ppl even
put puts putting get gets getting got gotten make makes making made take takes taking took let lets set go goes
going gone come comes coming came do doing`;

const toSet = (words: string) => new Set(words.split(/\s+/).filter(Boolean).map((w) => w.replace(/'/g, '')));

/** Dropped wherever they appear: in questions and in the index. */
export const STOP_WORDS: ReadonlySet<string> = toSet(`${FUNCTION_WORDS} ${QUESTION_WRAPPERS} ${CHAT}`);

/** Reporting verbs: wrappers in a question ("tell me", "what did he say") but content in an article ("told the media"). */
const REPORTING = toSet('say says tell explain mention mentioned mentions report know think thought hear heard read mean means meant');

/** Dropped also when a word only reduces to them ("was" -> "be", "happens" -> "happen"), reporting verbs excepted. */
export const FUNCTION_LEMMAS: ReadonlySet<string> = new Set([...STOP_WORDS, 'be', 'do', 'have'].filter((w) => !REPORTING.has(w)));
