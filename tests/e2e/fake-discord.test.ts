// Self-test of the fake Discord: a REAL discord.js Client logs in against it,
// receives interactions, replies, and survives gateway and REST faults.
import {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageContextMenuCommandInteraction,
  type Interaction,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  fastClientOptions,
  messageContextMenuInteraction,
  startFakeDiscord,
  type FakeDiscord,
  type FakeDiscordOptions,
  type RecordedRequest,
} from './fake-discord/index.ts';

const TOKEN = 'MTA5OTk5OTk5OTk5OTk5OTk5.fake.token-for-e2e';

let fake: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake?.close();
  fake = undefined;
});

/** Starts a fake and a real logged-in, ready Client; both are torn down in afterEach. */
async function boot(options: FakeDiscordOptions = {}): Promise<{ fake: FakeDiscord; client: Client; readyMs: number }> {
  const started = await startFakeDiscord({ token: TOKEN, ...options });
  fake = started;
  const created = new Client({ intents: [GatewayIntentBits.Guilds], ...fastClientOptions(started) });
  client = created;
  const ready = new Promise<void>((resolve) => created.once(Events.ClientReady, () => resolve()));
  const t0 = performance.now();
  await created.login(TOKEN);
  await ready;
  return { fake: started, client: created, readyMs: performance.now() - t0 };
}

function nextEvent<T extends unknown[]>(target: Client, event: string, timeoutMs = 5_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const listener = (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args as T);
    };
    const timer = setTimeout(() => {
      target.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    target.once(event, listener);
  });
}

async function nextInteraction(target: Client): Promise<Interaction> {
  const [interaction] = await nextEvent<[Interaction]>(target, Events.InteractionCreate);
  return interaction;
}

/** Dispatches a slash command and resolves with the ChatInputCommandInteraction the client built. */
async function sendSlashCommand(f: FakeDiscord, c: Client, name = 'ping'): Promise<ChatInputCommandInteraction> {
  const next = nextInteraction(c);
  f.dispatch('INTERACTION_CREATE', chatInputInteraction(f.world, { name }));
  const interaction = await next;
  if (!(interaction instanceof ChatInputCommandInteraction)) throw new Error('expected a slash command');
  return interaction;
}

const callbackOf = (id: string) => (r: RecordedRequest) => r.path.includes(`/interactions/${id}/`);

describe('fake Discord with a real discord.js Client', () => {
  it('logs in with a fake token over plain-JSON gateway and becomes ready', async () => {
    const { fake, client, readyMs } = await boot();
    console.log(`[fake-discord] login-to-ready: ${readyMs.toFixed(1)} ms`);

    expect(client.user?.id).toBe(fake.world.bot.id);
    expect(client.guilds.cache.get(fake.world.guild.id)?.channels.cache.has(fake.world.channel.id)).toBe(true);
    const gatewayBot = fake.requests({ method: 'GET', pathIncludes: '/gateway/bot' });
    expect(gatewayBot).toHaveLength(1);
    expect(gatewayBot[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    // No zlib-sync installed → discord.js asks for neither transport nor identify compression.
    expect(fake.connections()[0]?.query).toEqual({ v: '10', encoding: 'json' });
    const identify = fake.gatewayOps((op) => op.op === 2)[0]?.d as { intents: number; compress: boolean };
    expect(identify.intents).toBe(GatewayIntentBits.Guilds);
    expect(identify.compress).toBe(false);
  });

  it('acknowledges heartbeats so the client measures a ping', async () => {
    const { fake, client } = await boot({ heartbeatIntervalMs: 100 });
    await fake.waitForGatewayOp((op) => op.op === 1, 2_000);
    await expect.poll(() => client.ws.ping, { timeout: 2_000 }).toBeGreaterThanOrEqual(0);
  });

  it('delivers a slash command as ChatInputCommandInteraction and records reply() as a type-4 callback', async () => {
    const { fake, client } = await boot();
    const next = nextInteraction(client);
    const payload = chatInputInteraction(fake.world, { name: 'ask', options: { question: 'why?', count: 3 } });
    fake.dispatch('INTERACTION_CREATE', payload);
    const interaction = await next;

    expect(interaction).toBeInstanceOf(ChatInputCommandInteraction);
    if (!(interaction instanceof ChatInputCommandInteraction)) return;
    expect(interaction.commandName).toBe('ask');
    expect(interaction.options.getString('question')).toBe('why?');
    expect(interaction.options.getInteger('count')).toBe(3);
    expect(interaction.inCachedGuild()).toBe(true);

    await interaction.reply({ content: 'pong' });
    const callback = await fake.waitForRequest(callbackOf(payload.id));
    expect(callback).toMatchObject({
      method: 'POST',
      path: `/api/v10/interactions/${payload.id}/${payload.token}/callback`,
      query: { with_response: 'false' },
      status: 204,
      body: { type: 4, data: { content: 'pong' } },
    });
  });

  it('records deferReply() then editReply() as a type-5 callback followed by PATCH …/messages/@original', async () => {
    const { fake, client } = await boot();
    const interaction = await sendSlashCommand(fake, client);

    await interaction.deferReply();
    const edited = await interaction.editReply({ content: 'done thinking' });
    expect(edited.content).toBe('done thinking');

    const own = fake.requests((r) => r.path.includes(interaction.token));
    expect(own.map((r) => `${r.method} ${r.route.replace(interaction.token, ':token').replace(interaction.id, ':id')}`))
      .toEqual([
        'POST /interactions/:id/:token/callback',
        `PATCH /webhooks/${fake.world.applicationId}/:token/messages/@original`,
      ]);
    expect(own[0]?.body).toMatchObject({ type: 5 });
    expect(own[1]?.body).toMatchObject({ content: 'done thinking' });
  });

  it('turns autocomplete, button and message context-menu payloads into their discord.js classes', async () => {
    const { fake, client } = await boot();
    const { world } = fake;

    let next = nextInteraction(client);
    fake.dispatch('INTERACTION_CREATE', autocompleteInteraction(world, { name: 'ask', focused: { name: 'topic', value: 'ne' } }));
    const autocomplete = await next;
    expect(autocomplete).toBeInstanceOf(AutocompleteInteraction);
    if (!(autocomplete instanceof AutocompleteInteraction)) return;
    expect(autocomplete.options.getFocused(true)).toMatchObject({ name: 'topic', value: 'ne' });
    await autocomplete.respond([{ name: 'news', value: 'news' }]);
    expect((await fake.waitForRequest(callbackOf(autocomplete.id))).body).toMatchObject({ type: 8 });

    next = nextInteraction(client);
    fake.dispatch('INTERACTION_CREATE', buttonInteraction(world, { customId: 'more:1' }));
    const button = await next;
    expect(button).toBeInstanceOf(ButtonInteraction);
    if (!(button instanceof ButtonInteraction)) return;
    expect(button.customId).toBe('more:1');
    expect(button.message.components).toHaveLength(1);
    await button.update({ content: 'clicked' });
    expect((await fake.waitForRequest(callbackOf(button.id))).body).toMatchObject({ type: 7, data: { content: 'clicked' } });

    next = nextInteraction(client);
    fake.dispatch('INTERACTION_CREATE', messageContextMenuInteraction(world, { name: 'Explain' }));
    const menu = await next;
    expect(menu).toBeInstanceOf(MessageContextMenuCommandInteraction);
    if (!(menu instanceof MessageContextMenuCommandInteraction)) return;
    expect(menu.targetMessage.content).toBe('a message to act on');
    // withResponse makes discord.js send ?with_response=true and parse the callback body.
    const response = await menu.reply({ content: 'explained', withResponse: true });
    expect(response.resource?.message?.content).toBe('explained');
  });

  it('parses multipart replies: payload_json becomes the body and attachments are listed', async () => {
    const { fake, client } = await boot();
    const interaction = await sendSlashCommand(fake, client);
    await interaction.reply({ content: 'see file', files: [{ attachment: Buffer.from('hello'), name: 'a.txt' }] });
    const callback = await fake.waitForRequest(callbackOf(interaction.id));
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'see file' } });
    expect(callback.files).toEqual([expect.objectContaining({ name: 'a.txt', size: 5 })]);
  });

  it('echoes registered global and guild commands with ids, and answers unknown routes with 404 and bad tokens with 401', async () => {
    const { fake, client } = await boot();
    const global = await client.application?.commands.set([{ name: 'ask', description: 'Ask the article' }]);
    expect(global?.first()?.id).toMatch(/^\d+$/);
    const guild = client.guilds.cache.get(fake.world.guild.id);
    await guild?.commands.set([{ name: 'quote', description: 'Quote it' }]);
    expect(fake.requests({ method: 'PUT', pathIncludes: '/commands' }).map((r) => r.route)).toEqual([
      `/applications/${fake.world.applicationId}/commands`,
      `/applications/${fake.world.applicationId}/guilds/${fake.world.guild.id}/commands`,
    ]);

    const error = await client.rest.get('/does-not-exist').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(fake.requests({ pathIncludes: '/does-not-exist' })[0]?.status).toBe(404);

    const unauthorized = await fetch(`${fake.apiBase}/v10/users/@me`, { headers: { authorization: 'Bot wrong' } });
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toEqual({ message: '401: Unauthorized', code: 0 });
  });

  describe('gateway faults', () => {
    const faults: { name: string; inject: (f: FakeDiscord) => void; recovery: 'resume' | 'identify' }[] = [
      { name: 'close code 4000', inject: (f) => f.closeWith(4000, 'unknown error'), recovery: 'resume' },
      { name: 'an abrupt socket drop', inject: (f) => f.dropSocket(), recovery: 'resume' },
      { name: 'op 7 RECONNECT', inject: (f) => f.sendReconnect(), recovery: 'resume' },
      { name: 'op 9 INVALID_SESSION (resumable)', inject: (f) => f.sendInvalidSession(true), recovery: 'resume' },
      { name: 'op 9 INVALID_SESSION (not resumable)', inject: (f) => f.sendInvalidSession(false), recovery: 'identify' },
    ];

    it.each(faults)('recovers from $name by $recovery and still answers a dispatched interaction', async ({ name, inject, recovery }) => {
      const { fake, client } = await boot();
      const firstSession = fake.sessions()[0]?.id;
      const recovered = nextEvent(client, recovery === 'resume' ? Events.ShardResume : Events.ShardReady);
      const t0 = performance.now();
      inject(fake);
      await recovered;
      console.log(`[fake-discord] ${name}: back in ${(performance.now() - t0).toFixed(0)} ms via ${recovery}`);

      if (recovery === 'resume') {
        const resume = fake.gatewayOps((op) => op.op === 6)[0];
        expect(resume?.d).toMatchObject({ session_id: firstSession, token: TOKEN });
        expect(fake.gatewayOps((op) => op.op === 2)).toHaveLength(1);
        // New sockets (if any) go to READY's resume_gateway_url, not the /gateway/bot URL.
        expect(fake.connections().slice(1).every((c) => c.path === '/resume')).toBe(true);
      } else {
        expect(fake.gatewayOps((op) => op.op === 2)).toHaveLength(2);
        expect(fake.sessions().find((s) => s.id === firstSession)?.ended).toBe(true);
      }

      const interaction = await sendSlashCommand(fake, client);
      await interaction.reply({ content: 'still here' });
      expect((await fake.waitForRequest(callbackOf(interaction.id))).body).toMatchObject({ type: 4 });
    });

    it.each([
      { name: 'an abrupt socket drop', inject: (f: FakeDiscord) => f.dropSocket() },
      { name: 'close code 4000', inject: (f: FakeDiscord) => f.closeWith(4000) },
    ])('replays events dispatched during $name once the client resumes via resume_gateway_url', async ({ inject }) => {
      const { fake, client } = await boot();
      const resumed = nextEvent<[number, number]>(client, Events.ShardResume);
      const next = nextInteraction(client);
      inject(fake);
      const payload = chatInputInteraction(fake.world, { name: 'while-away' });
      expect(fake.dispatch('INTERACTION_CREATE', payload)).toBe(1);

      const [, replayed] = await resumed;
      const interaction = await next;
      expect(interaction.id).toBe(payload.id);
      expect(replayed).toBeGreaterThanOrEqual(1);
      expect(fake.connections().map((c) => c.path)).toEqual(['/', '/resume']);
      const sessionSeq = fake.sessions()[0]?.seq ?? 0;
      const resume = fake.gatewayOps((op) => op.op === 6)[0]?.d as { seq: number };
      // Client resumed from before the missed event; the fake sent it, then RESUMED.
      expect(resume.seq).toBe(sessionSeq - 2);
    });

    it('resumes after a zombie connection whose heartbeats are not acknowledged', async () => {
      const { fake, client } = await boot({ heartbeatIntervalMs: 100 });
      fake.setHeartbeatAck(false);
      const resumed = nextEvent(client, Events.ShardResume);
      // Re-enable ACKs as soon as the client resumes, before its next heartbeat can arrive,
      // or the new connection would look like a zombie too.
      await fake.waitForGatewayOp((op) => op.op === 6, 3_000);
      fake.setHeartbeatAck(true);
      await resumed;
      const interaction = await sendSlashCommand(fake, client);
      await interaction.reply({ content: 'alive' });
      expect((await fake.waitForRequest(callbackOf(interaction.id))).status).toBe(204);
    });
  });

  describe('REST faults', () => {
    it.each([
      ['a 429 rate limit', 429],
      ['a 500 server error', 500],
    ])('retries after %s and the reply still lands', async (_name, status) => {
      const { fake, client } = await boot();
      fake.failNext({ method: 'POST', pathIncludes: '/callback', status });
      const interaction = await sendSlashCommand(fake, client);
      const t0 = performance.now();
      await interaction.reply({ content: 'eventually' });
      const elapsed = performance.now() - t0;
      // Only the lower bound is a behaviour (the retry-after was honoured); how fast the retry lands is a timing.

      const attempts = fake.requests(callbackOf(interaction.id));
      expect(attempts.map((r) => [r.status, r.injected])).toEqual([
        [status, true],
        [204, false],
      ]);
      expect(attempts[1]?.body).toMatchObject({ type: 4, data: { content: 'eventually' } });
      if (status === 429) expect(elapsed).toBeGreaterThanOrEqual(45); // honoured retry-after 0.05 s
    });

    it('rejects reply() with DiscordAPIError 10062 on Unknown interaction, and the client keeps working', async () => {
      const { fake, client } = await boot();
      fake.failNext({ pathIncludes: '/callback', status: 404, body: { message: 'Unknown interaction', code: 10062 } });
      const doomed = await sendSlashCommand(fake, client);
      const error = await doomed.reply({ content: 'too late' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect((error as DiscordAPIError).code).toBe(10062);

      const interaction = await sendSlashCommand(fake, client);
      await interaction.reply({ content: 'fine' });
      expect((await fake.waitForRequest(callbackOf(interaction.id))).status).toBe(204);
    });

    it('refuses a second acknowledgement of the same interaction with 40060, like Discord', async () => {
      const { fake, client } = await boot();
      const interaction = await sendSlashCommand(fake, client);
      await interaction.reply({ content: 'once' });
      // Bypass discord.js's own "already replied" guard to hit the API twice.
      const error = await client.rest
        .post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
          body: { type: 4, data: { content: 'twice' } },
          auth: false,
        })
        .catch((e: unknown) => e);
      expect((error as DiscordAPIError).code).toBe(40060);
    });
  });
});
