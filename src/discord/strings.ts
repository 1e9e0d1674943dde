// The transport's own fixed strings (errors, notices, buttons every reply may carry), one table per language;
// each command's strings live in its folder (src/commands/<name>/strings.ts). `t` picks the table from the
// user's Discord locale (src/core/language.ts) and falls back to English. Placeholders are `{name}`.
import { translator, type Strings } from '../core/language.ts';

const en = {
  'share.button': 'Share in channel',
  'suggestions.heading': 'Try instead',
  'date.unknown': 'undated',
  // Errors (always private)
  'error.internal': 'Something went wrong on my side; the error was logged. Please try again.',
  'error.unknown-command': 'I do not know the command “{name}”. Try /help.',
  'error.unknown-component': 'This button is no longer supported. Run the command again.',
  'error.unsupported': 'I cannot handle this kind of interaction.',
  'error.stale-message': 'I cannot find the question this message answered. Run /ask again.',
  'feedback.thanks.up': 'Thanks: your 👍 is recorded.',
  'feedback.thanks.down': 'Thanks: your 👎 is recorded; it helps improve the answers.',
  'cooldown.wait': 'You are going a bit fast: you can use this command again {when}.',
} as const;

export type StringKey = keyof typeof en;

export const STRINGS: Strings<StringKey> = {
  en,
  // French (Discord locale "fr"). Article text is never translated: only these fixed strings are.
  fr: {
    'share.button': 'Partager dans le salon',
    'suggestions.heading': 'Essayez plutôt',
    'date.unknown': 'sans date',
    'error.internal': "Une erreur s'est produite de mon côté ; elle a été consignée. Réessayez, s'il vous plaît.",
    'error.unknown-command': 'Je ne connais pas la commande « {name} ». Essayez /aide.',
    'error.unknown-component': "Ce bouton n'est plus pris en charge. Relancez la commande.",
    'error.unsupported': "Je ne sais pas traiter ce type d'interaction.",
    'error.stale-message': 'Je ne retrouve pas la question de ce message. Relancez /demander.',
    'feedback.thanks.up': 'Merci : votre 👍 est enregistré.',
    'feedback.thanks.down': 'Merci : votre 👎 est enregistré ; il aide à améliorer les réponses.',
    'cooldown.wait': 'Vous allez un peu vite : vous pourrez réutiliser cette commande {when}.',
  },
};

export const t = translator(STRINGS);
