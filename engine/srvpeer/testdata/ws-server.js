// The reference setup of the ws profile: Node ws's standalone server,
// new WebSocketServer({port}), on 127.0.0.1 and a port the kernel picks.
// Usage: node ws-server.js <path to node_modules/ws> [pmd] [proto1,proto2]
// "pmd" sets perMessageDeflate: true; a protocol list installs a
// handleProtocols that picks the first listed protocol the client offers.
// The script prints the bound port on one line once it listens, and exits
// when its stdin closes (the test's end), so it never outlives the test.
'use strict';
const { WebSocketServer } = require(process.argv[2]);
const opts = { port: 0, host: '127.0.0.1' };
const rest = process.argv.slice(3);
if (rest.includes('pmd')) opts.perMessageDeflate = true;
const list = rest.find((a) => a !== 'pmd');
if (list) {
  const prefer = list.split(',');
  opts.handleProtocols = (offered) => {
    for (const p of prefer) if (offered.has(p)) return p;
    return false;
  };
}
const wss = new WebSocketServer(opts);
wss.on('connection', (ws) => {
  ws.on('error', () => {}); // a bad frame from a test client closes that connection only
  ws.on('message', (data, binary) => ws.send(data, { binary }));
});
wss.on('listening', () => {
  process.stdout.write(wss.address().port + '\n');
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
