// Ed25519 request signatures as Discord sends them: X-Signature-Ed25519 (hex, 64 bytes) over
// X-Signature-Timestamp + raw body. Verification uses node:crypto only; the key is imported once.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const HEX_SIGNATURE = /^[0-9a-fA-F]{128}$/;
/** Discord sends Unix seconds; 12 digits is far beyond any plausible clock and keeps Number() exact. */
const TIMESTAMP = /^\d{1,12}$/;

/** Imports a raw 32-byte Ed25519 public key (64 hex characters, as the Developer Portal shows it). */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!HEX_KEY.test(hex)) throw new Error('http: the public key must be 64 hex characters (32 bytes)');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/** The hex form of a public key, e.g. one generated in a test or the bench. */
export function publicKeyToHex(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('http: not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url').toString('hex');
}

/** Whether the headers have the shape Discord sends; cheap, so it runs before the body is verified. */
export function wellFormedSignatureHeaders(signature: string, timestamp: string): boolean {
  return HEX_SIGNATURE.test(signature) && TIMESTAMP.test(timestamp);
}

export type Verifier = (signatureHex: string, timestamp: string, body: Buffer) => boolean;

/** Returns a verifier bound to one public key. Malformed input is a failed verification, never a throw. */
export function createVerifier(publicKey: KeyObject | string): Verifier {
  const key = typeof publicKey === 'string' ? publicKeyFromHex(publicKey) : publicKey;
  return (signatureHex, timestamp, body) => {
    if (!wellFormedSignatureHeaders(signatureHex, timestamp)) return false;
    try {
      return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signatureHex, 'hex'));
    } catch {
      return false;
    }
  };
}
