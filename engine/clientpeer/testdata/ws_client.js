// The client matrix's Node ws client: reads the cells (a JSON array of
// {id, url, protocols, deflate}) from the file named by argv[2], opens each
// with new WebSocket(url, protocols, {perMessageDeflate}), sends a message
// on open, and prints one JSON line per cell: accepted when the server's
// message came back, else ws's own error message, verbatim.
'use strict';
const fs = require('fs');
const WebSocket = require('ws');

const cells = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const concurrency = 8;

function run(c) {
  return new Promise((resolve) => {
    const out = { id: c.id, accepted: false, error: '', protocol: '', extensions: '', message: '' };
    let ws;
    try {
      ws = new WebSocket(c.url, c.protocols || [], { perMessageDeflate: c.deflate, handshakeTimeout: 15000 });
    } catch (e) {
      out.error = String(e && e.message);
      resolve(out);
      return;
    }
    const timer = setTimeout(() => { out.error = out.error || 'matrix: no outcome in 20s'; ws.terminate(); }, 20000);
    ws.on('open', () => {
      out.protocol = ws.protocol;
      out.extensions = ws.extensions;
      ws.send('hello from ws');
    });
    ws.on('message', (data) => {
      if (!out.accepted) {
        out.accepted = true;
        out.message = data.toString();
        ws.close(1000);
      }
    });
    ws.on('error', (e) => { if (!out.error) out.error = String(e && e.message); });
    ws.on('close', () => { clearTimeout(timer); resolve(out); });
  });
}

(async () => {
  let next = 0;
  async function worker() {
    while (next < cells.length) {
      const c = cells[next++];
      process.stdout.write(JSON.stringify(await run(c)) + '\n');
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
})();
