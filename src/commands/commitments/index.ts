// /commitments: one folder, one command (see src/commands/README.md).
import type { Command } from '../command.ts';
import { commitmentsDefinition, type CommitmentsOutcome } from './definition.ts';
import { renderCommitments } from './discord.ts';
import { COMMITMENTS_NAMES, COMMITMENTS_STRINGS, type CommitmentsStringKey } from './strings.ts';
import { commitmentsText } from './text.ts';

export type { CommitmentsOutcome } from './definition.ts';

export const commitments: Command<CommitmentsOutcome, CommitmentsStringKey> = {
  ...commitmentsDefinition,
  discord: renderCommitments,
  text: commitmentsText,
  strings: COMMITMENTS_STRINGS,
  names: COMMITMENTS_NAMES,
};
