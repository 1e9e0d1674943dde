// /commitments' fixed strings in every language (one table of its decline sentences, for Discord and the
// console), and its names for Discord's French clients.
import type { Strings } from '../../core/language.ts';
import type { Names } from '../command.ts';

const en = {
  'commitments.title': 'Commitments in the pact',
  'commitments.title.party': 'Commitments of {party}',
  'commitments.declined.title': 'No commitments for “{party}”',
  'commitments.by': 'by {party}',
  'decline.unknown-party': 'The article names no party called “{party}”.',
  'decline.no-commitments': 'The article lists no commitments for {party}.',
} as const;

export type CommitmentsStringKey = keyof typeof en;

export const COMMITMENTS_STRINGS: Strings<CommitmentsStringKey> = {
  en,
  fr: {
    'commitments.title': 'Les engagements du pacte',
    'commitments.title.party': 'Les engagements de {party}',
    'commitments.declined.title': 'Aucun engagement pour « {party} »',
    'commitments.by': 'par {party}',
    'decline.unknown-party': "L'article ne nomme aucune partie « {party} ».",
    'decline.no-commitments': "L'article ne cite aucun engagement pour {party}.",
  },
};

export const COMMITMENTS_NAMES: Names = {
  fr: {
    name: 'engagements',
    description: "Les engagements du pacte, chacun avec qui s'engage et sa source",
    options: {
      party: { name: 'partie', description: 'Seulement les engagements de cette partie (« UK », « Britain », « France »)' },
      private: { name: 'privé', description: 'Vous seul voyez la réponse' },
    },
  },
};
