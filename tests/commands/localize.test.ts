import { ApplicationCommandType, type RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/commands/ask/index.ts';
import { COMMANDS } from '../../src/commands/index.ts';
import { localize } from '../../src/commands/localize.ts';

// What deploy-commands registers.
const DEFINITIONS: RESTPostAPIApplicationCommandsJSONBody[] = COMMANDS.map((c) => c.data);
// Discord's rule for slash command and option names (context-menu names may have spaces and capitals).
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

describe('French localizations', () => {
  for (const data of DEFINITIONS) {
    describe(data.name, () => {
      it('has a French name, within Discord’s rules', () => {
        const fr = data.name_localizations?.fr;
        expect(fr).toBeTruthy();
        expect(fr!.length).toBeLessThanOrEqual(32);
        if (data.type === ApplicationCommandType.ChatInput) {
          expect(fr).toMatch(CHAT_INPUT_NAME);
          expect(fr).toBe(fr!.toLowerCase());
        }
      });

      if (data.type === ApplicationCommandType.ChatInput) {
        it('has a French description of at most 100 characters', () => {
          const fr = data.description_localizations?.fr;
          expect(fr).toBeTruthy();
          expect(fr!.length).toBeLessThanOrEqual(100);
          expect(fr).not.toBe(data.description);
        });

        it('names and describes every option in French, without two options sharing a name', () => {
          const options = data.options ?? [];
          for (const o of options) {
            expect(o.name_localizations?.fr, o.name).toMatch(CHAT_INPUT_NAME);
            expect(o.name_localizations?.fr).toBe(o.name_localizations?.fr?.toLowerCase());
            expect(o.description_localizations?.fr?.length ?? 0, o.name).toBeGreaterThan(0);
            expect(o.description_localizations!.fr!.length).toBeLessThanOrEqual(100);
          }
          const names = options.map((o) => o.name_localizations?.fr);
          expect(new Set(names).size).toBe(names.length);
        });
      }
    });
  }

  it('gives every command a distinct French name', () => {
    const names = DEFINITIONS.map((d) => d.name_localizations?.fr);
    expect(new Set(names).size).toBe(names.length);
  });

  it('translates no option that does not exist (a renamed option would leave a dead entry)', () => {
    for (const command of COMMANDS) {
      const known = new Set((command.data.options ?? []).map((o) => o.name));
      for (const translation of Object.values(command.names)) for (const option of Object.keys(translation.options ?? {})) expect(known, command.data.name).toContain(option);
    }
  });

  it('leaves the English definition as it was', () => {
    const before = JSON.stringify(ask.data);
    const localized = localize(ask.data, ask.names);
    expect(JSON.stringify(ask.data)).toBe(before);
    expect([localized.name, localized.description]).toEqual([ask.data.name, ask.data.description]);
    expect(localized.options?.map((o) => [o.name, o.description, o.type])).toEqual(ask.data.options?.map((o) => [o.name, o.description, o.type]));
  });
});
