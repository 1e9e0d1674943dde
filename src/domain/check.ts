// Fact-check support: which passages of the article bear on each claim of a message. The engine does not
// judge a claim true or false; it finds what the article says on the same matter (or says it says nothing),
// and the reader compares. A message of one sentence is checked whole; a longer one sentence by sentence.
import type { Engine } from './engine.ts';
import { splitSentences } from './text.ts';
import type { Confidence, DeclineReason, RankedPassage } from './types.ts';

export interface CheckOptions {
  /** Sentences checked at most; the rest are counted in `unchecked` (a wall of text is not a claim list). */
  maxClaims: number;
  /** Bearing passages kept per claim, best first. */
  passagesPerClaim: number;
  /** Longest message considered, in characters (Discord messages reach 4000 with Nitro). */
  maxLength: number;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = { maxClaims: 8, passagesPerClaim: 2, maxLength: 4000 };

export type ClaimStatus =
  /** The article has passages on this claim. */
  | 'addressed'
  /** The claim has content, but the article says nothing (close enough) about it. */
  | 'not-addressed'
  /** Nothing to check: a greeting, an emoji, a lone "Really?". */
  | 'no-claim';

export interface CheckedClaim {
  /** The sentence as written (or the whole message). */
  text: string;
  status: ClaimStatus;
  /** Passages bearing on the claim, verbatim, best first; empty unless addressed. */
  passages: RankedPassage[];
  /** The sentence of passages[0] closest to the claim (verbatim), or null. */
  answer: string | null;
  /** Why the engine declined, when it did. */
  reason: DeclineReason | null;
  /** For an addressed claim: 'low' when the passages are only the closest ones, not a confident match. */
  confidence: Confidence | null;
}

export interface CheckResult {
  /** The message checked (trimmed, cut to `maxLength`). */
  message: string;
  /** True when the message was checked as one claim. */
  whole: boolean;
  claims: CheckedClaim[];
  /** How many claims the article addresses. */
  addressed: number;
  /** Sentences past `maxClaims`, left unchecked. */
  unchecked: number;
}

/** Reasons that mean "there was nothing to look up", as opposed to "looked up, not found". */
const NOTHING_TO_CHECK: ReadonlySet<DeclineReason> = new Set(['empty-question', 'no-content-words']);

export function checkMessage(engine: Engine, message: string, options: Partial<CheckOptions> = {}): CheckResult {
  const opts = { ...DEFAULT_CHECK_OPTIONS, ...options };
  const text = message.trim().slice(0, opts.maxLength);
  const sentences = splitSentences(text).filter((s) => /[\p{L}\p{N}]/u.test(s));
  const whole = sentences.length <= 1;
  const parts = whole ? (text ? [text] : []) : sentences;
  const claims = parts.slice(0, opts.maxClaims).map((claim) => checkClaim(engine, claim, opts.passagesPerClaim));
  return {
    message: text,
    whole,
    claims,
    addressed: claims.filter((c) => c.status === 'addressed').length,
    unchecked: Math.max(0, parts.length - opts.maxClaims),
  };
}

function checkClaim(engine: Engine, claim: string, passagesPerClaim: number): CheckedClaim {
  const result = engine.ask(claim, { limit: passagesPerClaim });
  if (result.answered) {
    const passages = result.passages.slice(0, passagesPerClaim);
    return { text: claim, status: 'addressed', passages, answer: result.answer, reason: null, confidence: result.confidence };
  }
  const status: ClaimStatus = NOTHING_TO_CHECK.has(result.reason) ? 'no-claim' : 'not-addressed';
  return { text: claim, status, passages: [], answer: null, reason: result.reason, confidence: null };
}
