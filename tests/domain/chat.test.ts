// Specification of chat expansion: contractions and chat spellings become plain words, the rest is untouched.
import { describe, expect, it } from 'vitest';
import { expandChat } from '../../src/domain/chat.ts';

describe('expandChat', () => {
  it('writes out contractions', () => {
    expect(expandChat("who'd sign it")).toBe('who would sign it');
    expect(expandChat("what'll happen next")).toBe('what will happen next');
    expect(expandChat("they've agreed, haven't they")).toBe('they have agreed, have not they');
    expect(expandChat("won't they")).toBe('will not they');
  });

  it('writes out chat spellings, whole words only, in any case', () => {
    expect(expandChat('wut did witkoff say')).toBe('what did witkoff say');
    expect(expandChat('WUT is this cuz idk')).toBe('what is this because ');
    expect(expandChat('summary pls')).toBe('summary please');
    expect(expandChat('tl;dr')).toBe('summary');
    // A chat form inside a longer word is left alone.
    expect(expandChat('cause ursula')).toBe('cause ursula');
  });

  it('drops laughter of any length, which asks for nothing', () => {
    for (const laugh of ['haha', 'hahaha', 'HEHE', 'lolol', 'lmaooo', 'xD']) expect(expandChat(`who signed it ${laugh}`).trim(), laugh).toBe('who signed it');
    expect(expandChat('what did Hahn say')).toBe('what did Hahn say');
  });

  it('leaves ordinary questions as typed', () => {
    for (const q of ['Who signed the declaration?', "What is Ukraine's role?", 'When was the pact unveiled?']) expect(expandChat(q)).toBe(q);
  });
});
