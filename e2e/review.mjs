// The official opens a review round over the new membership and
// EUROCITIES, adds a respondent who answers for both, puts the invitations
// in the outbox (no mail server, as in many a town hall) and makes the
// personal link there, reading it from the message as they would copy it.
import { expect, submit } from './check.mjs';
import { NAMED } from './register.mjs';

export const RESPONDENT = { name: 'Eva Lind', email: 'eva.lind@stockholm.example' };

function isoDay(offset) {
  return new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
}

/// Returns { id, link }: the review's id and the respondent's personal link.
export async function inviteToReview(t, page) {
  const base = t.server.base;
  const title = 'Översyn av nätverken 2026';
  await t.step(page, 'review: a review without memberships is refused', async () => {
    await page.goto(`${base}/reviews`);
    await submit(page, 'a[href="/reviews/new"]');
    await page.fill('#title', title);
    const r = await submit(page, 'form[action="/reviews"] button[type=submit]');
    expect(r.status() === 422, `status ${r.status()}, expected 422`);
    expect(await page.isVisible('#memberships-error'), 'no message about the memberships');
    expect(await page.inputValue('#title') === title, 'the typed title was lost');
    await t.axe(page);
  });
  const id = await t.step(page, 'review: create a review round', async () => {
    await page.fill('#opens_on', isoDay(0));
    await page.fill('#closes_on', isoDay(30));
    await page.locator('.check', { has: page.locator('label', { hasText: NAMED }) }).locator('input').check();
    await page.locator('.check', { has: page.locator('label', { hasText: /^EUROCITIES/ }) }).locator('input').check();
    // One respondent is enough to show results in this test round.
    await page.fill('#min_group', '1');
    await submit(page, 'form[action="/reviews"] button[type=submit]');
    const m = new URL(page.url()).pathname.match(/^\/reviews\/(\d+)$/);
    expect(m, `did not land on the review's page: ${page.url()}`);
    expect((await page.textContent('h1')).includes(title), 'the page does not show the title');
    await t.axe(page);
    return Number(m[1]);
  });
  await t.step(page, 'review: the questionnaire builder', async () => {
    await page.goto(`${base}/reviews/${id}/questions`);
    const n = await page.locator('main li .mark').count();
    expect(n >= 4, `the default questionnaire has ${n} questions`);
    await t.axe(page);
  });
  await t.step(page, 'review: add a respondent for both memberships', async () => {
    await page.goto(`${base}/reviews/${id}`);
    await page.fill('#name', RESPONDENT.name);
    await page.fill('#email', RESPONDENT.email);
    for (const box of await page.$$('form[action$="/respondents"] input[name=membership]')) await box.check();
    await submit(page, 'form[action$="/respondents"] button[type=submit]');
    const row = page.locator('#respondents + .table-wrap tbody tr', { hasText: RESPONDENT.name });
    expect(await row.count() === 1, 'the respondent is not listed');
    const text = await row.textContent();
    expect(text.includes('EUROCITIES') && NAMED.test(text), `the respondent does not answer for both: ${text}`);
    await t.axe(page);
  });
  await t.step(page, 'review: put the invitations in the outbox', async () => {
    await submit(page, `form[action="/reviews/${id}/invite"] button`);
    const notice = await page.textContent('.notice[role=status]');
    expect(/utkorgen:\s*1\b/.test(notice), `the notice does not count one message in the outbox: ${notice}`);
    await submit(page, `a[href="/reviews/${id}/outbox"]`);
    expect((await page.textContent('main')).includes(RESPONDENT.email), 'the outbox does not list the message');
    await t.axe(page);
  });
  const link = await t.step(page, 'review: make the personal link in the outbox', async () => {
    const row = page.locator('tbody tr', { hasText: RESPONDENT.name }).first();
    await Promise.all([page.waitForNavigation(), row.locator('button').click()]);
    const body = await page.inputValue('#message-body');
    expect(body.includes(RESPONDENT.name), 'the message does not greet the respondent');
    const m = body.match(/https?:\/\/\S+\/respond\/\S+/);
    expect(m, `no link in the message: ${body}`);
    expect(m[0].startsWith(base), `the link ${m[0]} does not point at this server`);
    await t.axe(page);
    return m[0];
  });
  return { id, link };
}
