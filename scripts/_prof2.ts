import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { serve } from './serve.js';
const server = await serve({ dir: 'build', port: 0, dataDir: process.argv[2] ?? 'static/data' });
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.goto(`${origin}/ledgers/`);
await page.waitForFunction(`performance.getEntriesByName('engine:loaded:case_days').length > 0`, null, { timeout: 120000 });
await page.waitForTimeout(1000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const towns = ['610922100', '610922104', '610922109', '610922102', '610922107', '610922110'];
const ms = [];
for (const t of towns) {
  const r = await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    const observer = new MutationObserver(() => { const el = document.querySelector('[data-testid=ledger-charts]'); if (el && el.getAttribute('data-filters') === 'town=${t}') { observer.disconnect(); const t1 = performance.now(); requestAnimationFrame(() => setTimeout(() => resolve([t1 - t0, performance.now() - t0, document.querySelector('[data-testid=engine-status]').getAttribute('data-ms')]), 0)); } });
    observer.observe(document.body, { subtree: true, attributes: true, childList: true });
    const s = document.querySelector('[data-testid=ledger-town]'); s.value = '${t}'; s.dispatchEvent(new Event('change', { bubbles: true }));
  })`);
  ms.push(r);
}
console.log(JSON.stringify(ms));
console.log(await page.evaluate(`performance.getEntriesByName('engine:query').slice(-12).map(m => Math.round(m.duration) + ' ' + m.detail).join('\\n')`));
const { profile } = await cdp.send('Profiler.stop');
const self = new Map<string, number>();
const dt = profile.timeDeltas!;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map<number, number>();
profile.samples!.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + dt[i]));
for (const [id, us] of counts) { const n = byId.get(id)!; const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + us); }
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((us / 1000).toFixed(1).padStart(8), k);
await browser.close(); server.close();
