#!/usr/bin/env node
/**
 * A plain static file server for the built site, like any web host: files only, no rewrites
 * beyond "a folder serves its index.html". Usage: node scripts/serve.js [dir] [port] [--prefix /sandbox]
 * With --prefix the site is served under that sub-path only, as a government site might host it.
 * Compresses with gzip when the client accepts it, as typical hosts do, compressing each file
 * once and keeping the result (as a host's cache would).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.arrow': 'application/vnd.apache.arrow.stream',
	'.txt': 'text/plain; charset=utf-8'
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.csv', '.svg', '.wasm', '.arrow', '.txt']);

/**
 * Starts a server; resolves to it once listening.
 * `dataDir` serves /data/ from another folder (the benchmarks use it to put a scaled dataset
 * behind a built site).
 * @param {{ dir?: string, port?: number, prefix?: string, host?: string, dataDir?: string }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function serve({ dir = 'build', port = 4173, prefix = '', host = '127.0.0.1', dataDir } = {}) {
	const siteRoot = resolve(dir);
	const dataRoot = dataDir ? resolve(dataDir) : null;
	/** @type {Map<string, { mtime: number, body: Buffer }>} */
	const gzipped = new Map();
	/** @param {string} file @param {number} mtime */
	const compressed = async (file, mtime) => {
		const hit = gzipped.get(file);
		if (hit && hit.mtime === mtime) return hit.body;
		const body = gzipSync(await readFile(file), { level: 6 });
		gzipped.set(file, { mtime, body });
		return body;
	};
	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let path = decodeURIComponent(url.pathname);
		if (prefix) {
			if (path === prefix) return redirect(res, `${prefix}/`);
			if (!path.startsWith(`${prefix}/`)) return notFound(res);
			path = path.slice(prefix.length);
		}
		const [root, rel] = dataRoot && path.startsWith('/data/') ? [dataRoot, path.slice('/data'.length)] : [siteRoot, path];
		let file = normalize(join(root, rel));
		if (!file.startsWith(root)) return notFound(res);
		try {
			let info = await stat(file);
			if (info.isDirectory()) {
				if (!path.endsWith('/')) return redirect(res, `${prefix}${path}/${url.search}`);
				file = join(file, 'index.html');
				info = await stat(file);
			}
			const ext = extname(file);
			const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
			const body = gzip ? await compressed(file, info.mtimeMs) : null;
			res.writeHead(200, {
				'content-type': TYPES[ext] ?? 'application/octet-stream',
				'cache-control': path.includes('/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
				'content-length': body ? body.length : info.size,
				...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {})
			});
			if (req.method === 'HEAD') return res.end();
			if (body) res.end(body);
			else createReadStream(file).pipe(res);
		} catch {
			notFound(res);
		}
	});
	return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

/** @param {import('node:http').ServerResponse} res */
function notFound(res) {
	res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
	res.end('404 Not Found');
}

/** @param {import('node:http').ServerResponse} res @param {string} location */
function redirect(res, location) {
	res.writeHead(301, { location });
	res.end();
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	const flag = args.indexOf('--prefix');
	const prefix = flag >= 0 ? args.splice(flag, 2)[1].replace(/\/$/, '') : '';
	const [dir = 'build', port = '4173'] = args;
	const server = await serve({ dir, port: Number(port), prefix });
	const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
	console.log(`Serving ${dir} at http://127.0.0.1:${actual}${prefix}/`);
}
