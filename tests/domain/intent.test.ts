// Specification of question intents read from the form of a question, never from its topic.
import { describe, expect, it } from 'vitest';
import { answerTypeOf, askedKind, asksIdentity, hasFigure, isOverview, summaryWords } from '../../src/domain/intent.ts';

describe('isOverview', () => {
  it('recognises a request for the gist that names nothing in particular', () => {
    for (const q of ["what's this article about", 'summary please', 'give me a quick summary', 'what is this about?', 'overview', 'what happened']) {
      expect(isOverview(q), q).toBe(true);
    }
  });

  it('is not fooled by a question about something in particular', () => {
    for (const q of ['what did Starmer say about Putin', 'summary of the American role', 'what is the deal about territory', 'Who signed?']) {
      expect(isOverview(q), q).toBe(false);
    }
  });
});

describe('answerTypeOf', () => {
  it('reads the kind of answer from the question word that opens the question or a clause', () => {
    expect(answerTypeOf('When was the pact unveiled?')).toBe('date');
    expect(answerTypeOf('On what date will the ceasefire begin?')).toBe('date');
    expect(answerTypeOf('Where was the summit held?')).toBe('place');
    expect(answerTypeOf('Which cities will host the hubs?')).toBe('city');
    expect(answerTypeOf('How many troops will go?')).toBe('figure');
    expect(answerTypeOf('Who will command the force?')).toBe('name');
  });

  it('leaves a question word inside a clause, and "who is", to other readings', () => {
    expect(answerTypeOf('How did Starmer describe the talks when speaking to reporters?')).toBeNull();
    expect(answerTypeOf('Who is Witkoff?')).toBeNull();
    expect(answerTypeOf('What did Kushner call the agreement?')).toBeNull();
  });
});

describe('hasFigure', () => {
  it('finds figures in digits and words, but not the numbers of a date', () => {
    expect(hasFigure('the revised 20-point peace plan')).toBe(true);
    expect(hasFigure('two hundred soldiers')).toBe(true);
    expect(hasFigure('unveiled on Tuesday 6 January 2026 in Paris')).toBe(false);
  });
});

describe('asksIdentity', () => {
  it('recognises questions about who someone is', () => {
    for (const q of ['who is jared kushner', "Witkoff's title", 'what is his role']) expect(asksIdentity(q), q).toBe(true);
    expect(asksIdentity('What did Witkoff say?')).toBe(false);
  });
});

describe('askedKind', () => {
  it('reads the noun phrase after "which", "what" or "how many", past "kind of" and counts, up to a function word or verb', () => {
    expect(askedKind('In which Ukrainian cities will the hubs be built?')).toEqual({ noun: 'cities', phrase: 'Ukrainian cities' });
    expect(askedKind('What kinds of weapons will Ukraine get?')).toEqual({ noun: 'weapons', phrase: 'weapons' });
    expect(askedKind('what kinda weapons are in the supplies')).toEqual({ noun: 'weapons', phrase: 'weapons' });
    expect(askedKind('Which two leaders signed it?')).toEqual({ noun: 'leaders', phrase: 'leaders' });
    expect(askedKind('which major issue remains unresolved')).toEqual({ noun: 'issue', phrase: 'major issue' });
    expect(askedKind('How many high-level US representatives were there?')?.noun).toBe('representatives');
  });

  it('finds none where no noun follows', () => {
    expect(askedKind('What did Starmer say?')).toBeNull();
    expect(askedKind('Who signed the declaration?')).toBeNull();
  });
});

describe('summaryWords', () => {
  it('gives the words of a summary request, which say nothing of its topic', () => {
    expect([...summaryWords('Summarise the key takeaways from the Paris summit')].sort()).toEqual(['key', 'summarise', 'takeaways']);
  });

  it('gives none when the question asks for no summary, however many such words it has', () => {
    expect(summaryWords('What is the main point of the force?').size).toBe(0);
  });
});

describe('yes/no questions', () => {
  it('set no answer type and ask for no kind, whatever wh-word they hold', () => {
    expect(answerTypeOf('does ukraine know which countries are chipping in?')).toBeNull();
    expect(answerTypeOf('Did the summit take place where the pact was signed?')).toBeNull();
    expect(askedKind('Is it known which cities will host the hubs?')).toBeNull();
  });

  it('still read a wh-question put politely ("do you know which…")', () => {
    expect(answerTypeOf('do you know which countries are chipping in?')).toBe('place');
    expect(askedKind('can you tell me which cities will host the hubs')?.noun).toBe('cities');
  });
});
