// `npm run deploy-commands [-- --dry-run]`: registers the commands (COMMANDS' `data`) with Discord, to
// DISCORD_GUILD_ID when set (instant, for development) or globally. One bulk PUT replaces the whole set, so
// removed commands disappear too. `--dry-run` prints the JSON it would send and needs no token.
// The bot never registers commands on start-up; this is the only place that does.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REST, Routes } from 'discord.js';
import { ApplicationCommandType, type RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { COMMANDS } from '../commands/index.ts';

export interface DeployOptions {
  dryRun: boolean;
  commands: readonly { data: RESTPostAPIApplicationCommandsJSONBody }[];
  /** Where the report (and the dry-run JSON) goes. */
  out: (line: string) => void;
  /** A prebuilt REST client (tests); default: discord.js REST with config's api base and token. */
  rest?: Pick<REST, 'put'>;
}

export const DEFAULT_DEPLOY_OPTIONS: Omit<DeployOptions, 'rest'> = {
  dryRun: false,
  commands: COMMANDS,
  out: (line) => process.stdout.write(`${line}\n`),
};

export interface DeployResult {
  scope: 'guild' | 'global';
  route: string;
  sent: boolean;
  count: number;
}

export async function deployCommands(config: Config, options: Partial<DeployOptions> = {}): Promise<DeployResult> {
  const opts = { ...DEFAULT_DEPLOY_OPTIONS, ...options };
  const body = opts.commands.map((c) => c.data);
  const clientId = config.discord.clientId ?? '{DISCORD_CLIENT_ID}';
  const guildId = config.discord.guildId;
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const scope = guildId ? 'guild' : 'global';
  if (opts.dryRun) {
    opts.out(JSON.stringify({ method: 'PUT', route: decodeURIComponent(route), commands: body }, null, 2));
    return { scope, route, sent: false, count: body.length };
  }
  if (!config.discord.token || !config.discord.clientId) throw new Error('deployCommands: a token and a client id are required (loadConfig mode "deploy")');
  const rest = opts.rest ?? new REST({ ...(config.discord.apiBase ? { api: config.discord.apiBase } : {}) }).setToken(config.discord.token);
  const saved = (await rest.put(route as `/${string}`, { body })) as { name: string }[];
  opts.out(`Registered ${saved.length} commands ${guildId ? `to guild ${guildId}` : 'globally (may take up to an hour to appear)'}: ${saved.map(commandLabel).join(', ')}`);
  return { scope, route, sent: true, count: saved.length };
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write('usage: npm run deploy-commands [-- --dry-run]\n  registers the slash commands to DISCORD_GUILD_ID if set, else globally\n  --dry-run  print the JSON that would be sent; needs no token\n');
    return 0;
  }
  const dryRun = values['dry-run'] === true;
  try {
    // A dry run needs no credentials, so it reads the configuration like the console does.
    const config = loadConfig({ mode: dryRun ? 'cli' : 'deploy' });
    await deployCommands(config, { dryRun });
    return 0;
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : `deploy failed: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`pactbot: ${message}\n`);
    return 1;
  }
}

// Runs only as a script (`tsx src/discord/deploy.ts`), never on import.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}

/** How a registered command reads in the summary: "/ask" for slash commands, "“Name” (message menu)" for a context menu. */
function commandLabel(c: { name: string; type?: number }): string {
  return c.type === ApplicationCommandType.Message ? `“${c.name}” (message menu)` : `/${c.name}`;
}
