// Browser tests in real Chromium (Debian's /usr/bin/chromium, no download):
// sign in, read the main pages with axe-core (no serious or critical
// violations), make a case and enter a reservation on a 360 px phone
// viewport. A failing step leaves a screenshot in e2e/screenshots/.
//
//   cargo build && (cd e2e && npm ci && node run.mjs)
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const bin = process.env.OVERSYN_BIN || join(here, '..', 'target', 'debug', 'oversyn');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const shots = join(here, 'screenshots');
mkdirSync(shots, { recursive: true });

function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'oversyn-e2e-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(bin, ['--data-dir', dir, 'serve', '--demo', '--addr', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/password (\S+)/);
      if (m && out.includes('running at')) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${port}`, password: m[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

let failures = 0;
async function step(page, name, fn) {
  try {
    await fn();
    console.log(`ok    ${name}`);
  } catch (e) {
    failures += 1;
    const file = join(shots, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    console.log(`FAIL  ${name}: ${e.message}\n      screenshot: ${file}`);
  }
}

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    throw new Error(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`).join(' | '));
  }
}

const server = await startServer();
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  // axe is injected as a script, which the app's CSP forbids; the test browser bypasses it.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await step(page, 'sign in', async () => {
    await page.goto(`${server.base}/login`);
    await page.fill('#email', 'demo@stockholm.example');
    await page.fill('#password', server.password);
    const tenant = await page.$('#tenant');
    if (tenant) await page.fill('#tenant', 'stockholm');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    if (!(await page.content()).includes('EUROCITIES')) throw new Error('the register did not open');
  });
  for (const path of ['/', '/organisations', '/persons', '/reviews', '/reviews/1/results', '/reviews/1/analysis', '/cases', '/cases/1', '/actions', '/events', '/calendar', '/representation', '/intake', '/tables', '/public/stockholm']) {
    await step(page, `accessible ${path}`, async () => {
      const r = await page.goto(`${server.base}${path}`);
      if (r.status() !== 200) throw new Error(`status ${r.status()}`);
      await axe(page);
    });
  }

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, bypassCSP: true });
  await phone.addCookies(await context.cookies());
  const p = await phone.newPage();
  await step(p, 'a case and a reservation on a phone', async () => {
    await p.goto(`${server.base}/cases/new`);
    await p.fill('#title', 'Prövning av medlemskapet i Metropolis');
    await p.fill('#route', 'Borgarrådsberedningen\nKommunstyrelsen');
    await p.fill('#proposal', '1. Stadens medlemskap i Metropolis sägs upp från och med den 1 januari 2028.');
    await Promise.all([p.waitForNavigation(), p.click('form[action="/cases"] button[type=submit]')]);
    await p.selectOption('#p-body', 'Borgarrådsberedningen');
    await p.fill('#persons', 'Anna Berg (V)');
    await p.fill('#points', '2. Staden behåller sitt medlemskap i Metropolis.');
    await p.fill('#text', 'Samarbetet ger kunskap.');
    await Promise.all([p.waitForNavigation(), p.click('form[action$="/positions"] button[type=submit]')]);
    const html = await p.content();
    if (!html.includes('Reservation anfördes av Anna Berg (V) enligt följande.')) throw new Error('the reservation is not in the document');
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    if (width > 380) throw new Error(`the page is ${width} px wide on a 360 px screen`);
    await axe(p);
  });
} finally {
  await browser.close();
  server.child.kill();
}
if (failures) {
  console.log(`${failures} failed`);
  process.exit(1);
}
console.log('all browser tests passed');
