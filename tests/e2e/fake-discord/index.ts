// Public surface of the fake Discord used by end-to-end tests. See README.md.
export { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './server.ts';
export { fastClientOptions } from './client-options.ts';
export {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  dmChatInputInteraction,
  interactionMember,
  messageContextMenuInteraction,
  messageWithButton,
  toApiOptions,
  type AutocompleteSpec,
  type ButtonSpec,
  type ChatInputSpec,
  type InteractionOverrides,
  type MessageContextMenuSpec,
  type OptionsInput,
} from './payloads.ts';
export { createWorld, messageObject, snowflake, type FakeWorld, type WorldOverrides } from './world.ts';
export type {
  FailRule,
  GatewayOpFilter,
  RecordedConnection,
  RecordedFile,
  RecordedGatewayOp,
  RecordedRequest,
  RequestFilter,
  SessionInfo,
} from './types.ts';
