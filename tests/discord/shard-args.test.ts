import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { DEFAULT_SHARD_OPTIONS, parseShardArgs } from '../../src/discord/shard.ts';

describe('start:sharded arguments', () => {
  it('--shards alone is how many shards, all run here; auto by default', () => {
    expect(parseShardArgs([])).toEqual({ shards: 'auto', shardList: null, spawnDelayMs: DEFAULT_SHARD_OPTIONS.spawnDelayMs });
    expect(parseShardArgs(['--shards', '3', '--spawn-delay', '0'])).toEqual({ shards: 3, shardList: null, spawnDelayMs: 0 });
  });

  it('with --total-shards, --shards lists the ids this machine runs', () => {
    expect(parseShardArgs(['--total-shards', '4', '--shards', '0,1'])).toMatchObject({ shards: 4, shardList: [0, 1] });
    expect(parseShardArgs(['--total-shards', '4', '--shards', '3, 2,3'])).toMatchObject({ shards: 4, shardList: [3, 2] });
    expect(parseShardArgs(['--total-shards', '4'])).toMatchObject({ shards: 4, shardList: null });
  });

  it('refuses ids outside the total, an automatic total, and malformed lists, naming the flag', () => {
    for (const argv of [
      ['--total-shards', '2', '--shards', '2'],
      ['--total-shards', 'auto', '--shards', '0'],
      ['--total-shards', '0'],
      ['--total-shards', '2', '--shards', '0;1'],
      ['--shards', '0,1'],
    ]) {
      expect(() => parseShardArgs(argv), argv.join(' ')).toThrow(ConfigError);
    }
    expect(() => parseShardArgs(['--total-shards', '2', '--shards', '5'])).toThrow(/from 0 to 1/);
  });
});
