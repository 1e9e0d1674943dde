// The client side of the signature, as Discord computes it. The server never signs; tests, the bench and
// local tooling (which hold a generated private key) use this to build requests the server accepts.
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';

export function signRequest(privateKey: KeyObject | string, timestamp: string, body: Buffer | string): string {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return sign(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), raw]), key).toString('hex');
}

export interface SignedRequest {
  body: string;
  headers: { 'content-type': string; 'x-signature-ed25519': string; 'x-signature-timestamp': string };
}

/** A ready-to-send POST /interactions: JSON body (a value, or a string sent as is) and its headers. */
export function signedRequest(privateKey: KeyObject, payload: unknown, timestampSeconds = Math.floor(Date.now() / 1000)): SignedRequest {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const timestamp = String(timestampSeconds);
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signRequest(privateKey, timestamp, body), 'x-signature-timestamp': timestamp },
  };
}
