// Every fixed string of the replies, each command's and the transport's, merged into one `t` for tests that read
// replies of several commands. Keys are unique across tables (tests/commands/strings.test.ts checks it).
import { COMMANDS } from '../../src/commands/index.ts';
import { LANGUAGES, translator, type Language, type Strings } from '../../src/core/language.ts';
import { STRINGS } from '../../src/discord/strings.ts';

const tables = [STRINGS, ...COMMANDS.map((c) => c.strings)];

export const ALL_STRINGS = Object.fromEntries(LANGUAGES.map((language) => [language, Object.assign({}, ...tables.map((s) => s[language]))])) as Record<Language, Record<string, string>> as Strings<string>;

export const t = translator(ALL_STRINGS);
