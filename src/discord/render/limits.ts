// Discord's documented limits, named once. Characters are counted as UTF-16 units here, which is never fewer
// than Discord counts.

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer and author name over all embeds. */
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
  /** Components in one message, counting the newer layout components. */
  components: 40,
  /** Options of a command or sub-command. */
  options: 25,
  /** A command or option name as an interaction carries it (context-menu names may have spaces). */
  commandName: 100,
} as const;

/** What every reply is sent with: user or article text can contain @everyone or <@&id>; none may ping. */
export function noMentions(): { parse: [] } {
  return { parse: [] };
}
