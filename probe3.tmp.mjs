import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const url of process.argv.slice(3)) {
const c = await b.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
const p = await c.newPage();
if (process.env.INJECT) await p.route(url, async (route) => { const r = await route.fetch(); const body = (await r.text()).replace('</head>', `<style>${process.env.INJECT}</style></head>`); await route.fulfill({ response: r, body }); });
await p.addInitScript(() => {
  window.__shifts = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push({ t: Math.round(e.startTime), v: e.value.toFixed(4), src: e.sources.map((s) => `${s.node?.nodeName}.${s.node?.className?.baseVal ?? s.node?.className} ${JSON.stringify([s.previousRect.y, s.previousRect.height, s.currentRect.y, s.currentRect.height, s.previousRect.width, s.currentRect.width])}`) }); }).observe({ type: 'layout-shift', buffered: true });
});
const cdp = await c.newCDPSession(p);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.argv[2]) });
await p.goto(url);
await p.waitForTimeout(10000);
const sh = await p.evaluate(() => window.__shifts);
console.log(url, 'CLS', sh.reduce((s, e) => s + Number(e.v), 0).toFixed(4));
for (const e of sh) console.log('  ', e.t, e.v, e.src.join(' | '));
await c.close();
}
await b.close();
