// The ceiling bench:http compares pactbot against: a bare node:http server that does what every interactions
// endpoint must do and nothing else. It reads the body, verifies the Ed25519 signature over timestamp + body
// (node:crypto, the key imported once, as pactbot does), and answers a fixed type-4 message. No routing
// table, no JSON parse, no replay window, no cooldown, no engine. With PEER_WORKERS > 1 it runs that many
// node:cluster workers on one port, like `npm run serve -- --workers N`.
//   PEER_PORT=… PEER_PUBLIC_KEY=<64 hex> [PEER_WORKERS=N] node --import tsx bench/http-peer.ts
import cluster from 'node:cluster';
import { verify } from 'node:crypto';
import { createServer } from 'node:http';
import { publicKeyFromHex } from '../src/discord/http/verify.ts';

const port = Number(process.env.PEER_PORT);
const workers = Number(process.env.PEER_WORKERS ?? '1');
const REPLY = JSON.stringify({ type: 4, data: { content: 'ok', allowed_mentions: { parse: [] } } });
const REPLY_HEADERS = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(REPLY) };

if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const key = publicKeyFromHex(process.env.PEER_PUBLIC_KEY ?? '');
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const signature = req.headers['x-signature-ed25519'];
      const timestamp = req.headers['x-signature-timestamp'];
      const ok =
        typeof signature === 'string' &&
        typeof timestamp === 'string' &&
        verify(null, Buffer.concat([Buffer.from(timestamp), ...chunks]), key, Buffer.from(signature, 'hex'));
      if (!ok) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, REPLY_HEADERS).end(REPLY);
    });
  });
  server.listen(port, '127.0.0.1', () => process.send?.('listening'));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
