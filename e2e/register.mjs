// The official edits the register through its forms: a new organisation
// (first sent empty, as a hurried user might, to see the field errors), then
// the city's membership in it from the organisation's page.
import { expect, submit } from './check.mjs';

export const ORGANISATION = { name: 'Union of the Baltic Cities', acronym: 'UBC', headquarters: 'Gdańsk', founded: '1991', website: 'https://www.ubc.net' };
/// Lists label an organisation by its acronym, record pages by its name.
export const NAMED = /\b(UBC|Union of the Baltic Cities)\b/;

/// Returns the new membership's organisation label as the forms show it.
export async function editRegister(t, page) {
  const base = t.server.base;
  await t.step(page, 'register: an empty organisation form is refused with field errors', async () => {
    await page.goto(`${base}/organisations`);
    await submit(page, 'a[href="/organisations/new"]');
    const r = await submit(page, 'form.form button[type=submit]');
    expect(r.status() === 422, `status ${r.status()}, expected 422`);
    expect(await page.getAttribute('#name', 'aria-invalid') === 'true', 'the name field is not marked invalid');
    expect(await page.isVisible('#name-error'), 'no message under the name field');
    await t.axe(page);
  });
  await t.step(page, 'register: add an organisation', async () => {
    await page.fill('#name', ORGANISATION.name);
    await page.fill('#acronym', ORGANISATION.acronym);
    await page.selectOption('#kind', 'city_network');
    await page.fill('#headquarters', ORGANISATION.headquarters);
    await page.fill('#founded', ORGANISATION.founded);
    await page.fill('#website', ORGANISATION.website);
    await submit(page, 'form.form button[type=submit]');
    expect(/\/organisations\/\d+$/.test(new URL(page.url()).pathname), `did not land on the organisation's page: ${page.url()}`);
    expect((await page.textContent('h1')).includes(ORGANISATION.name), 'the page does not name the organisation');
    await t.axe(page);
  });
  await t.step(page, 'register: add the city\'s membership in it', async () => {
    await submit(page, 'a[href^="/memberships/new?organisation="]');
    const chosen = await page.$eval('#organisation_id', (s) => s.options[s.selectedIndex].textContent);
    expect(chosen.includes(ORGANISATION.name), `the form did not preselect the organisation (${chosen})`);
    await page.selectOption('#body_id', { label: 'Kommunstyrelsen' });
    await page.selectOption('#mtype', 'full');
    await page.selectOption('#status', 'active');
    await page.fill('#since', '2024-01-01');
    await page.check('#fee_kind_amount');
    await page.fill('#fee_amount', '5 000');
    await page.fill('#fee_currency', 'EUR');
    await page.fill('#fee_year', '2026');
    await submit(page, 'form.form button[type=submit]');
    expect(/\/memberships\/\d+$/.test(new URL(page.url()).pathname), `did not land on the membership's page: ${page.url()}`);
    const text = await page.textContent('main');
    expect(text.includes(ORGANISATION.name), 'the membership page does not name the organisation');
    expect(/5\s?000/.test(text), 'the membership page does not show the fee');
    await t.axe(page);
  });
  await t.step(page, 'register: the overview lists the new membership', async () => {
    await page.goto(`${base}/`);
    const row = page.locator('main tbody tr', { hasText: NAMED });
    expect(await row.count() === 1, 'the register does not list the membership');
    expect(/5\s?000 EUR/.test(await row.textContent()), `the register row lacks the fee: ${await row.textContent()}`);
    await t.axe(page);
  });
}
