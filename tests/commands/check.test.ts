import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp } from '../../src/core/app.ts';
import { check, plainText } from '../../src/commands/check/index.ts';
import { checkMessage } from '../../src/domain/check.ts';

describe('the check context-menu command', () => {
  const app = createApp({ commands: COMMANDS, corpusDir: new URL('../../corpus', import.meta.url).pathname });

  it('checks the target message, privately, with the same engine', () => {
    const content = 'The UK will provide long-term arms supplies to Ukraine. Germany will send tanks.';
    const outcome = check.run(app.context, { options: {}, locale: 'en-US', target: { id: '1', content } });
    expect(outcome).toEqual({ kind: 'check', result: checkMessage(app.context.engine, content), target: { id: '1', content }, private: true });
  });

  it('checks nothing when the message has no text (an image, an embed)', () => {
    const outcome = check.run(app.context, { options: {}, locale: 'en-US', target: { id: '1', content: '' } });
    expect(outcome.kind === 'check' && outcome.result.claims).toEqual([]);
  });

  it('is a message command (type 3) with no options and no description', () => {
    expect(check.data).toEqual({ name: 'Check against the article', type: 3 });
  });
});

describe('plainText', () => {
  it('drops mentions, custom emoji, timestamps and links, keeping the words', () => {
    expect(plainText('<@123456789012345678> says <:pog:123> Starmer signed <t:1700000000:R> https://example.com/x?y=1 <https://a.b>'))
      .toBe('says Starmer signed');
  });

  it('drops quote, list and heading markers and emphasis, keeping one sentence per line', () => {
    expect(plainText('> **Macron** signed it\n- the UK ~~will~~ *sends* troops\n## Big news')).toBe('Macron signed it\nthe UK will sends troops\nBig news');
  });

  it('drops code blocks entirely: code is not a claim', () => {
    expect(plainText('Look:\n```js\nconsole.log("troops")\n```\nThe UK signed.')).toBe('Look:\nThe UK signed.');
  });
});
