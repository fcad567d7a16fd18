// tests/peers/peer_negotiator.js: jshttp's negotiator's answer (mediaType,
// language) to each case of tests/peers/cases.lua read from stdin, one
// JSON value a line (null for none). npm's negotiator, under node.
const Negotiator = require('negotiator');
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.length > 0);
const out = [];
for (const line of lines) {
  const c = JSON.parse(line);
  const headers = c.k === 'm' ? { accept: c.v } : { 'accept-language': c.v };
  const n = new Negotiator({ headers });
  const answer = c.k === 'm' ? n.mediaType(c.o) : n.language(c.o);
  out.push(JSON.stringify(answer === undefined ? null : answer));
}
process.stdout.write(out.join('\n') + '\n');
