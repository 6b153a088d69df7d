// Single sign-on in the browser: the tenant's provider is set with the real
// command (`oversyn tenant oidc`), the provider is oidc-provider from npm
// (oidc-provider.mjs) with its own login pages, and a person clicks through
// as they would: the button on our login page, the provider's login and
// consent, back signed in with the role their group gives; logout ends the
// provider's session too.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect } from './check.mjs';

const here = dirname(fileURLToPath(import.meta.url));

async function startProvider(base) {
  const child = spawn(process.execPath, [join(here, 'oidc-provider.mjs'), 'oversyn-e2e', 'e2e-client-secret-0123456789abcdef', `${base}/login/sso/callback`, `${base}/login`], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the provider exited (${code})`)));
  });
  return { issuer: JSON.parse(line).issuer, child };
}

function oversyn(bin, server, args) {
  const r = spawnSync(bin, ['--data-dir', server.dataDir, '--database-url', server.databaseUrl, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`oversyn ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

export async function singleSignOn(t, bin, browser) {
  const idp = await startProvider(t.server.base);
  const dir = mkdtempSync(join(tmpdir(), 'oversyn-sso-'));
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  // The provider's development pages load a web font from the internet,
  // which this machine cannot reach: answer that request empty.
  await context.route(/fonts\.googleapis\.com/, (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
  const page = await context.newPage();
  try {
    await t.step(page, 'set the provider with `oversyn tenant oidc`', async () => {
      const secret = join(dir, 'secret');
      writeFileSync(secret, 'e2e-client-secret-0123456789abcdef\n', { mode: 0o600 });
      await fetch(`${idp.issuer}/test/groups`, { method: 'POST', body: JSON.stringify({ login: 'eva', groups: ['oversyn-editors'] }) });
      const out = oversyn(bin, t.server, ['tenant', 'oidc', '--tenant', 'stockholm', '--issuer', idp.issuer, '--client-id', 'oversyn-e2e',
        '--client-secret-file', secret, '--editor-group', 'oversyn-editors', '--viewer-group', 'staff']);
      expect(out.includes('/login/sso/callback'), `the command names the redirect URI: ${out}`);
      expect(!oversyn(bin, t.server, ['tenant', 'oidc', '--tenant', 'stockholm', '--show']).includes('e2e-client-secret'), 'the secret is never shown');
    });
    await t.step(page, 'sign in through the provider on a phone', async () => {
      await page.goto(`${t.server.base}/login?tenant=stockholm`);
      await Promise.all([page.waitForURL((u) => u.href.startsWith(idp.issuer)), page.click('#sso')]);
      await page.fill('input[name=login]', 'eva');
      await page.fill('input[name=password]', 'anything');
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      await Promise.all([page.waitForURL((u) => u.href.startsWith(t.server.base)), page.click('button[type=submit]')]);
      expect((await page.textContent('body')).includes('eva@idp.example'), 'signed in as eva');
    });
    await t.step(page, 'the group gives the editor role', async () => {
      await page.goto(`${t.server.base}/memberships/new`);
      expect(await page.$('form[method=post]'), 'an editor gets the form');
      const r = await page.goto(`${t.server.base}/admin/users`);
      expect(r.status() === 403, `no admin page for an editor (${r.status()})`);
    });
    await t.step(page, 'logout ends the provider session too', async () => {
      await page.goto(`${t.server.base}/persons`);
      await Promise.all([page.waitForURL((u) => u.href.startsWith(idp.issuer)), page.click('form[action="/logout"] button')]);
      await Promise.all([page.waitForURL((u) => u.href.startsWith(`${t.server.base}/login`)), page.click('button[autofocus]')]);
      await page.goto(`${t.server.base}/login?tenant=stockholm`);
      await Promise.all([page.waitForURL((u) => u.href.startsWith(idp.issuer)), page.click('#sso')]);
      expect(await page.$('input[name=login]'), 'the provider asks who you are again');
    });
  } finally {
    await context.close();
    idp.child.kill();
    rmSync(dir, { recursive: true, force: true });
    try {
      oversyn(bin, t.server, ['tenant', 'oidc', '--tenant', 'stockholm', '--remove']);
    } catch (e) {
      console.log(`      could not remove the provider: ${e.message}`);
    }
  }
}
