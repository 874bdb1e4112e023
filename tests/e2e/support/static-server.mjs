// A tiny static file server for the e2e tests: serves a folder under any base
// path (such as /a/b/), with the MIME types the app needs, and can be stopped
// mid-test to prove the app works offline.

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` at http://127.0.0.1:<port><basePath>.
 * Returns { url, close(), setRoot(dir), requests, sent } where `requests` lists
 * every path asked for, `sent` maps each path to the size of each body sent for it,
 * in bytes (one entry per 200 response; a 304 sends none), and `setRoot` switches folders, as a
 * deploy would.
 * With `compress`, text and wasm go out brotli-compressed (quality 11), as a
 * real static host would send them; the benchmark measures that way.
 */
export async function serveStatic(root, { basePath = '/', compress = false } = {}) {
  const requests = [];
  const sent = new Map();
  const compressed = new Map();
  const sockets = new Set();
  // Node refuses request heads over 16 KB (431); the hostile-link tests open
  // addresses of 100 KB, which must reach the app to be refused by it.
  const server = createServer({ maxHeaderSize: 1024 * 1024 }, async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(basePath)) {
      res.writeHead(404).end('not found');
      return;
    }
    let relative = path.slice(basePath.length) || 'index.html';
    if (relative.endsWith('/')) relative += 'index.html';
    const file = normalize(join(root, relative));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      let body = await readFile(file);
      // As every static host does: an ETag, so a browser can ask "has it changed?"
      // and be answered 304 with no body.
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        etag,
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      if (compress && extname(file) !== '.png' && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        const key = `${file}:${body.length}`;
        if (!compressed.has(key)) {
          compressed.set(key, brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
        }
        body = compressed.get(key);
        headers['content-encoding'] = 'br';
        headers.vary = 'accept-encoding';
      }
      res.writeHead(200, headers);
      res.end(body);
      sent.set(path, [...(sent.get(path) ?? []), body.length]);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.unref();
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A test that fails before closing its server must not keep the run alive.
  server.unref();
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    sent,
    setRoot: (dir) => {
      root = dir;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
