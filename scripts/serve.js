#!/usr/bin/env node
/**
 * A plain static file server for the built site, like any web host: files only, no rewrites
 * beyond "a folder serves its index.html". Usage: node scripts/serve.js [dir] [port] [--prefix /sandbox]
 * With --prefix the site is served under that sub-path only, as a government site might host it.
 * Compresses with gzip when the client accepts it, as typical hosts do, compressing each file
 * once and keeping the result (as a host's cache would), off the event loop (zlib's thread pool:
 * compressing the engine's 34 MB wasm takes seconds, during which every other request would wait).
 * The benchmarks request the large files once before measuring, as a host serving precompressed
 * files has them ready. A malformed address gets 400, and no
 * address reaches a file outside the served folders.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

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
	/** @type {Map<string, { mtime: number, body: Promise<Buffer> }>} */
	const gzipped = new Map();
	/** @param {string} file @param {number} mtime */
	const compressed = (file, mtime) => {
		const hit = gzipped.get(file);
		if (hit && hit.mtime === mtime) return hit.body;
		// One compression per file, however many ask while it runs; a failure is not kept.
		const body = readFile(file).then((bytes) => gzip(bytes, { level: 6 }));
		gzipped.set(file, { mtime, body });
		body.catch(() => gzipped.delete(file));
		return body;
	};
	/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
	const handle = async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let path;
		try {
			path = decodeURIComponent(url.pathname);
		} catch {
			return plain(res, 400, '400 Bad Request');
		}
		// Redirects repeat the address as the client encoded it (a decoded one may hold line breaks).
		let encoded = url.pathname;
		if (prefix) {
			if (path === prefix) return redirect(res, `${prefix}/`);
			if (!path.startsWith(`${prefix}/`) || !encoded.startsWith(`${prefix}/`)) return notFound(res);
			path = path.slice(prefix.length);
			encoded = encoded.slice(prefix.length);
		}
		const [root, rel] = dataRoot && path.startsWith('/data/') ? [dataRoot, path.slice('/data'.length)] : [siteRoot, path];
		let file = within(root, rel);
		if (!file) return notFound(res);
		try {
			let info = await stat(file);
			if (info.isDirectory()) {
				if (!path.endsWith('/')) return redirect(res, `${prefix}${encoded}/${url.search}`);
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
			else createReadStream(file).on('error', () => res.destroy()).pipe(res);
		} catch {
			notFound(res);
		}
	};
	const server = createServer((req, res) => {
		handle(req, res).catch(() => {
			if (res.headersSent) res.destroy();
			else plain(res, 500, '500 Internal Server Error');
		});
	});
	return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

/**
 * The file `rel` names inside the folder `root`, or null if it would lie outside it (`..`
 * segments, however encoded, or a sibling folder whose name merely starts with the folder's).
 * @param {string} root @param {string} rel
 */
function within(root, rel) {
	if (rel.includes('\0')) return null;
	const file = join(root, rel);
	const back = relative(root, file);
	return back === '..' || back.startsWith(`..${sep}`) || isAbsolute(back) ? null : file;
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} text */
function plain(res, status, text) {
	res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
	res.end(text);
}

/** @param {import('node:http').ServerResponse} res */
function notFound(res) {
	plain(res, 404, '404 Not Found');
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
