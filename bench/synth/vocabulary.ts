// Word lists for the synthetic news archive. Core words come first in each list: the generator draws them with
// Zipf-like frequencies by rank, so the head of a list is common ("government", "said") and the tail rare.
// Derived words and generated names give the long tail a real archive has (tens of thousands of distinct terms),
// which is what makes typo tolerance and prefix expansion expensive on a big index.

const words = (s: string) => s.split(/\s+/).filter(Boolean);

export const NOUNS = words(`
government minister country talks deal security support plan people year week official leader president
forces troops war peace agreement policy report city region border state party election vote economy
market price cost budget tax bank company industry energy gas oil power water food health hospital school
court judge law case police attack strike crisis protest campaign summit meeting statement decision
council committee parliament army navy ceasefire sanctions aid funding investment growth trade export
import job worker union pay inflation rate debt deficit reform proposal bill measure programme project
infrastructure railway road bridge port airport harbour pipeline network system service sector district
village town capital coast island river valley province territory frontier alliance coalition partner
ally neighbour rival opposition majority minority spokesman spokeswoman correspondent analyst expert
researcher scientist doctor nurse teacher student farmer soldier officer commander general admiral
ambassador envoy delegation diplomat negotiator mediator observer monitor inspector investigator
prosecutor lawyer witness victim survivor refugee migrant citizen resident voter taxpayer consumer
customer investor shareholder executive director chairman founder owner employee volunteer activist
storm flood drought fire earthquake harvest season weather climate emission carbon technology software
data network platform device satellite missile drone aircraft ship vessel tank vehicle weapon shell
ammunition equipment supply shortage demand surplus reserve stockpile facility plant factory warehouse
contract tender licence permit charge fine penalty sentence verdict appeal ruling inquiry review audit
survey poll forecast estimate figure total share stake loan grant subsidy pension benefit wage salary
`);

export const ADJECTIVES = words(`
new former national international local regional military political economic public private senior
foreign domestic major key joint final early late recent previous current future significant serious
strong weak high low long short large small wide narrow heavy light rapid slow sharp steady stable
fragile urgent critical historic landmark controversial contentious disputed bilateral multilateral
northern southern eastern western central coastal rural urban industrial financial legal judicial
diplomatic strategic tactical defensive offensive humanitarian medical environmental technical digital
independent official unofficial temporary permanent annual monthly weekly daily emergency interim
provisional binding formal informal open closed secret public confidential initial additional extra
`);

export const VERBS = words(`
say agree announce confirm deny reject approve sign launch plan expect warn urge call claim insist
report reveal suggest propose support oppose back criticise praise welcome condemn demand request
offer provide deliver send deploy withdraw move return arrive leave visit meet discuss negotiate
review consider examine investigate inspect monitor verify check secure protect defend attack strike
raise cut increase reduce boost limit extend delay postpone cancel suspend resume continue complete
finish start open close build repair restore replace fund pay invest spend borrow lend sell buy trade
export import produce supply ship transport carry test develop design release publish present unveil
`);

/** Irregular past forms; the rest take -ed. */
export const IRREGULAR_PAST: Record<string, string> = {
  say: 'said', send: 'sent', leave: 'left', meet: 'met', strike: 'struck', cut: 'cut', pay: 'paid',
  spend: 'spent', lend: 'lent', sell: 'sold', buy: 'bought', build: 'built', begin: 'began', take: 'took',
};

export const ROLES = words(`
minister spokesman spokeswoman president governor mayor chairman director commander ambassador envoy
secretary adviser chief analyst economist official negotiator senator councillor lawyer professor
`);

export const ORG_KINDS = [
  'Ministry of Defence', 'Ministry of Finance', 'Foreign Office', 'Central Bank', 'Energy Agency', 'Port Authority',
  'Chamber of Commerce', 'Supreme Court', 'National Assembly', 'Trade Union', 'Health Service', 'Rail Company',
];

export const FIRST_NAMES = words(`
Anna Peter Maria James Sofia David Elena Thomas Laura Michael Clara Daniel Julia Robert Nina Paul Sarah
Mark Helen John Irina Marco Eva Lucas Hannah Oliver Amira Samuel Leila Viktor Olga Henrik Ingrid Pablo
Chloe Tomas Marta Karim Noor Stefan Lena Andrei Yara Felix Rosa Omar Alice Jonas Ida Mateo Zara Hugo Vera
`);

export const MONTHS = words('January February March April May June July August September October November December');
export const DAYS = words('Monday Tuesday Wednesday Thursday Friday Saturday Sunday');

/** Syllables for surnames and place names: pronounceable, never real, so no accidental hit on the real article. */
export const SYLLABLES = words(`
ka ri mo sel van dor ta lin be ro stra vik na mel ho gran tu fel ber ost ay le mar cov ens ric dal
pe zan qui lor bra ten sko vel dru han gor mi tes ul ath ren cal bro nis tor vo lek sa
`);

/** Affixes that turn core words into rarer derived ones ("reinvestment", "counterproposal"). */
export const PREFIXES = words('re un over under counter pre post non inter multi anti co sub trans super semi mis');
export const SUFFIXES = words('ation ment ness ity ism ist ive al ally ing er ship hood less able ward');
