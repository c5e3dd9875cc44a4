import { request, type Server } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.js';

// The site folder `site`, a data folder `data`, and siblings whose names start with theirs.
let root: string;
const servers: Server[] = [];
beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'ggs-serve-'));
	for (const [path, text] of [
		['site/index.html', 'home'],
		['site/a b/index.html', 'spaced'],
		['site/line\nbreak/index.html', 'odd name'],
		['site-secret/x', 'secret'],
		['data/units.csv', 'units'],
		['data-secret/x', 'data secret']
	]) {
		await mkdir(join(root, path, '..'), { recursive: true });
		await writeFile(join(root, path), text);
	}
});
afterAll(async () => {
	for (const s of servers) s.close();
	await rm(root, { recursive: true, force: true });
});

async function start(options: { prefix?: string; dataDir?: boolean } = {}): Promise<number> {
	const server = await serve({ dir: join(root, 'site'), port: 0, prefix: options.prefix, dataDir: options.dataDir ? join(root, 'data') : undefined });
	servers.push(server);
	return (server.address() as AddressInfo).port;
}

/** A GET of a raw request path (no client-side normalisation), resolving to status, body and any redirect. */
function get(port: number, path: string): Promise<{ status: number; body: string; location?: string }> {
	return new Promise((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (c) => (body += c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ...(res.headers.location ? { location: res.headers.location } : {}) }));
		});
		req.setTimeout(5000, () => req.destroy(new Error(`no answer to ${path}`)));
		req.on('error', reject);
		req.end();
	});
}

describe('the static file server', () => {
	it('answers a malformed percent-encoding with 400 and keeps serving', async () => {
		const port = await start();
		for (const path of ['/%', '/%E0%A4%A', '/a%ZZ/']) expect((await get(port, path)).status).toBe(400);
		expect(await get(port, '/')).toEqual({ status: 200, body: 'home' });
	});

	it.each([
		['/..%2fsite-secret/x', {}],
		['/..%2f..%2fsite-secret/x', {}],
		['/sandbox/..%2fsite-secret/x', { prefix: '/sandbox' }],
		['/data/..%2fdata-secret/x', { dataDir: true }],
		['/..%5csite-secret/x', {}]
	])('never serves a file outside its folders: %s', async (path, options) => {
		const port = await start(options);
		const res = await get(port, path);
		expect(res.status).toBe(404);
		expect(res.body).not.toMatch(/secret/);
	});

	it('still serves encoded names inside its folders, and redirects a folder to its slash as the client wrote it', async () => {
		const port = await start({ dataDir: true });
		expect(await get(port, '/a%20b/')).toEqual({ status: 200, body: 'spaced' });
		expect(await get(port, '/data/units.csv')).toEqual({ status: 200, body: 'units' });
		expect(await get(port, '/a%20b?x=1')).toMatchObject({ status: 301, location: '/a%20b/?x=1' });
		expect(await get(port, '/line%0Abreak')).toMatchObject({ status: 301, location: '/line%0Abreak/' });
		expect(await get(port, '/line%0Abreak/')).toEqual({ status: 200, body: 'odd name' });
	});
});
