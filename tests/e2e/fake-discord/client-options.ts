// Client options that make a real discord.js Client fast and deterministic
// against the fake. Spread them into `new Client({ intents, ...fastClientOptions(fake) })`.
import type { ClientOptions } from 'discord.js';

export function fastClientOptions(fake: { apiBase: string }): Pick<ClientOptions, 'rest' | 'ws'> {
  return {
    rest: {
      api: fake.apiBase,
      // @discordjs/rest adds `offset` ms to every rate-limit wait (default 50); the fake's
      // 429s already say how long to wait, so no padding is needed.
      offset: 0,
      // Fail fast if the fake (or a test) stalls instead of waiting the 15 s default.
      timeout: 5_000,
    },
    ws: {
      // @discordjs/ws spaces IDENTIFYs per shard bucket 5–6.5 s apart (Discord's login
      // limit). A test that forces a re-identify (op 9 `false`) would pay that wait.
      buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }),
    },
  };
}
