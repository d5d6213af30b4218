// A stand-in for another system, run by tests as a child process (plain Node, no dependencies):
// `node tests/support/recording-receiver.mjs <port> <log file>`. It records every request it receives as one JSON
// line (appended and flushed before it answers, so a SIGKILL loses nothing it acknowledged) and answers 200.
// With RECEIVER_WEBHOOK_SECRET set it verifies the webhook signature the way a receiver would:
// X-Signature = hex HMAC-SHA256(secret, X-Timestamp + "." + raw body), and records whether it matched.
// RECEIVER_STATUS makes it answer another status (a gateway that is up but failing).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, logFile] = process.argv.slice(2);
const secret = process.env.RECEIVER_WEBHOOK_SECRET;
const status = Number(process.env.RECEIVER_STATUS ?? 200);
const answerDelayMs = Number(process.env.RECEIVER_ANSWER_DELAY_MS ?? 0);

function signatureValid(headers, body) {
  if (!secret) return null;
  const timestamp = String(headers['x-timestamp'] ?? '');
  const given = Buffer.from(String(headers['x-signature'] ?? ''), 'hex');
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (c) => chunks.push(c));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const record = {
      at: new Date().toISOString(),
      method: request.method,
      url: request.url,
      headers: request.headers,
      body,
      signatureValid: signatureValid(request.headers, body),
    };
    appendFileSync(logFile, `${JSON.stringify(record)}\n`);
    setTimeout(() => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errcode: status === 200 ? 0 : 1, errmsg: status === 200 ? 'ok' : 'failing' }));
    }, answerDelayMs);
  });
});
server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`listening ${port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
