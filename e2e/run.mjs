// Browser and accessibility tests in real Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core; no browser download), against
// the real server on a scratch SQLite database, and again on a scratch
// PostgreSQL database when OVERSYN_TEST_POSTGRES_URL is set. The story is an
// official's and a respondent's: sign in, edit the register, open a review
// and invite, answer on a phone, see the results, download the report,
// record a reservation on a case, sign in through the city's identity
// provider (oidc-provider from npm) and out again; axe-core checks every main page, the
// respondent's form and its error and thank-you states (no serious or
// critical violations). A failing step leaves a screenshot in
// e2e/screenshots/.
//
//   npm --prefix e2e ci && npm --prefix e2e test      (CHROMIUM=… for another binary)
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Checks, expect, submit } from './check.mjs';
import { backends, binary, startServer } from './server.mjs';
import { mainPages, publicPages } from './pages.mjs';
import { editRegister } from './register.mjs';
import { inviteToReview } from './review.mjs';
import { answerOnPhone } from './respond.mjs';
import { seeResults } from './results.mjs';
import { reservationOnPhone } from './cases.mjs';
import { singleSignOn } from './sso.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = join(here, 'screenshots');

if (!existsSync(chromiumPath)) {
  console.error(`No Chromium at ${chromiumPath}: install Debian's (apt-get install chromium) or set CHROMIUM.`);
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
for (const f of readdirSync(shots)) if (f.endsWith('.png')) rmSync(join(shots, f));

async function signIn(t, page) {
  await t.step(page, 'sign in', async () => {
    await page.goto(`${t.server.base}/login`);
    await page.fill('#email', t.server.email);
    await page.fill('#password', t.server.password);
    if (await page.$('#tenant')) await page.fill('#tenant', 'stockholm');
    await submit(page, 'form[action="/login"] button[type=submit]');
    expect((await page.textContent('main')).includes('EUROCITIES'), 'the register did not open');
  });
}

async function runOn(bin, backend) {
  const started = Date.now();
  const server = await startServer(bin, backend);
  const t = new Checks(backend.name, shots);
  t.server = server;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    t.watch(desk);
    const page = await desk.newPage();
    await t.story('sign in', () => signIn(t, page));
    if (t.failures.length) return t;
    let review = null;
    await t.story('the review, from register to report', async () => {
      await editRegister(t, page);
      review = await inviteToReview(t, page);
      await answerOnPhone(t, browser, review.link);
      await seeResults(t, page, review);
    });
    await t.story('a reservation on a case', () => reservationOnPhone(t, browser, page, review));
    await mainPages(t, page);
    await publicPages(t, browser);
    await t.story('single sign-on', () => singleSignOn(t, bin, browser));
  } finally {
    await browser.close();
    await server.stop();
  }
  const minor = [...t.minor].map(([id, paths]) => `${id} on ${[...paths].join(' ')}`).join('; ');
  console.log(`[${backend.name}] ${t.passed} steps passed, ${t.failures.length} failed in ${Math.round((Date.now() - started) / 1000)} s`);
  if (minor) console.log(`      moderate or minor axe findings (not enforced): ${minor}`);
  return t;
}

const bin = binary(join(here, '..'));
const failed = [];
for (const backend of backends()) {
  try {
    failed.push(...(await runOn(bin, backend)).failures);
  } catch (e) {
    console.log(`FAIL  [${backend.name}] ${e.stack}`);
    failed.push(`[${backend.name}] the run`);
  }
}
if (failed.length) {
  console.log(`browser tests FAILED: ${failed.join('; ')}`);
  process.exit(1);
}
console.log('all browser tests passed');
