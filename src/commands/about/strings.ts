// /about's fixed strings in every language, and its names for Discord's French clients.
import type { Strings } from '../../core/language.ts';
import type { Names } from '../command.ts';

const en = {
  'about.title': 'About pactbot',
  'about.documents': 'Documents',
  'about.document': '**{title}** ({date}) · {passages} passages',
  'about.corpus': 'Corpus',
  'about.corpus.value': '{articles} article(s), {passages} passages, {speakers} quoted speakers',
  'about.version': 'Version',
  'about.loaded': 'Loaded',
  'about.loaded.value': '{relative} ({absolute})',
} as const;

export type AboutStringKey = keyof typeof en;

export const ABOUT_STRINGS: Strings<AboutStringKey> = {
  en,
  fr: {
    'about.title': 'À propos de pactbot',
    'about.documents': 'Documents',
    'about.document': '**{title}** ({date}) · {passages} passages',
    'about.corpus': 'Corpus',
    'about.corpus.value': '{articles} article(s), {passages} passages, {speakers} personnes citées',
    'about.version': 'Version',
    'about.loaded': 'Chargé',
    'about.loaded.value': '{relative} ({absolute})',
  },
};

export const ABOUT_NAMES: Names = {
  fr: { name: 'à-propos', description: "L'article source de pactbot, sa date, la taille du corpus et la version" },
};
