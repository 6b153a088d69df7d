// The decision: the official (an admin here) adds a politician's account
// and drafts a case on the new membership, linked to the review. The
// politician, on a phone, signs in with the one-time password (a wrong one
// first), must choose a password of their own, finds the case and enters a
// reservation with a counter-proposal, which the case document then shows.
import { expect, fitsWidth, submit } from './check.mjs';
import { NAMED, ORGANISATION } from './register.mjs';
import { PHONE } from './respond.mjs';

const POLITICIAN = { email: 'anna.berg@stockholm.example', password: 'Östersjön-2026-reservation' };
const TITLE = `Prövning av medlemskapet i ${ORGANISATION.name}`;

export async function reservationOnPhone(t, browser, page, review) {
  const base = t.server.base;
  const oneTime = await t.step(page, 'case: the admin adds a politician', async () => {
    await page.goto(`${base}/admin/users`);
    await page.fill('#email', POLITICIAN.email);
    await page.selectOption('#role', 'politician');
    await submit(page, 'form[action="/admin/users"] button[type=submit]');
    const secret = (await page.textContent('code.secret')).trim();
    expect(secret.length >= 10, 'no one-time password shown');
    await t.axe(page);
    return secret;
  });
  await t.step(page, 'case: the official drafts a case', async () => {
    await page.goto(`${base}/cases`);
    await submit(page, 'a[href="/cases/new"]');
    await page.fill('#title', TITLE);
    await page.fill('#route', 'Borgarrådsberedningen\nKommunstyrelsen');
    await page.fill('#proposal', `1. Stadens medlemskap i ${ORGANISATION.name} sägs upp från och med den 1 januari 2028.`);
    if (review) await page.selectOption('#review_id', String(review.id));
    await page.locator('label.check', { hasText: NAMED }).locator('input').check();
    await submit(page, 'form[action="/cases"] button[type=submit]');
    expect(/^\/cases\/\d+$/.test(new URL(page.url()).pathname), `did not land on the case: ${page.url()}`);
    await t.axe(page);
  });

  const phone = await browser.newContext(PHONE);
  t.watch(phone);
  const p = await phone.newPage();
  try {
    await t.step(p, 'case: a wrong password is refused on the phone', async () => {
      await p.goto(`${base}/login`);
      await p.fill('#email', POLITICIAN.email);
      await p.fill('#password', `${oneTime}x`);
      if (await p.$('#tenant')) await p.fill('#tenant', 'stockholm');
      await submit(p, 'form[action="/login"] button[type=submit]');
      expect(await p.isVisible('.alert[role=alert]'), 'no message about the failed sign-in');
      await fitsWidth(p, 360);
      await t.axe(p);
    });
    await t.step(p, 'case: the politician signs in and chooses a password', async () => {
      await p.fill('#email', POLITICIAN.email);
      await p.fill('#password', oneTime);
      if (await p.$('#tenant')) await p.fill('#tenant', 'stockholm');
      await submit(p, 'form[action="/login"] button[type=submit]');
      expect(new URL(p.url()).pathname === '/account', `not asked to change the password: ${p.url()}`);
      await t.axe(p);
      await p.fill('#current', oneTime);
      await p.fill('#new', POLITICIAN.password);
      await p.fill('#repeat', POLITICIAN.password);
      await submit(p, 'form[action="/account"] button[type=submit]');
      expect(await p.isVisible('.notice[role=status]'), 'the change was not confirmed');
    });
    await t.step(p, 'case: the politician enters a reservation on the phone', async () => {
      await p.goto(`${base}/cases`);
      await submit(p, `a:has-text("${TITLE}")`);
      await p.selectOption('#p-body', 'Borgarrådsberedningen');
      await p.selectOption('#p-kind', 'reservation');
      await p.fill('#persons', 'Anna Berg (V)');
      await p.fill('#points', `2. Staden behåller sitt medlemskap i ${ORGANISATION.name}.`);
      await p.fill('#text', 'Samarbetet kring Östersjön ger kunskap som staden behöver.');
      await submit(p, 'form[action$="/positions"] button[type=submit]');
      const html = await p.content();
      expect(html.includes('Reservation anfördes av Anna Berg (V) enligt följande.'), 'the reservation is not in the document');
      expect(html.includes(`Staden behåller sitt medlemskap i ${ORGANISATION.name}.`), 'the counter-proposal is not in the document');
      await fitsWidth(p, 360);
      await t.axe(p);
    });
  } finally {
    await phone.close();
  }
}
