// The respondent, on a 360 px phone and without an account, opens the
// personal link, taps through the whole questionnaire (one section per
// membership), first sends a free-text answer that is too long (the
// server refuses it and keeps everything else), then submits and sees the
// thank-you. The answers must still be there when the link is opened again.
import { expect, fitsWidth, submit } from './check.mjs';
import { NAMED } from './register.mjs';

export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/// The scale value given per organisation, so the results can be checked.
export const GIVEN = [[NAMED, '4'], [/\bEUROCITIES\b/, '5']];
const given = (org) => GIVEN.find(([re]) => re.test(org))?.[1];
export const FREE_TEXT = 'Bra utbyte om klimatanpassning mellan städerna kring Östersjön.';

async function sectionName(section) {
  return (await section.locator('h2').textContent()).trim();
}

/// Taps an answer to every scale and yes/no question, waiting each time
/// for the page's script to save it; returns how many there were.
async function tapAll(page) {
  let questions = 0;
  for (const section of await page.locator('form#answers section.card').all()) {
    const org = await sectionName(section);
    const value = given(org);
    expect(value, `an unexpected section: ${org}`);
    for (const set of await section.locator('fieldset.scale').all()) {
      const choice = (await set.locator(`input[value="${value}"]`).count()) ? value : 'yes';
      const id = await set.locator(`input[value="${choice}"]`).getAttribute('id');
      const [saved] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        set.locator(`label[for="${id}"]`).tap(),
      ]);
      expect(saved.status() === 204 && saved.url() === page.url(), `saving ${id} got ${saved.status()} from ${saved.url()}`);
      questions += 1;
    }
  }
  return questions;
}

async function writeAll(page, text) {
  const areas = await page.locator('form#answers textarea').all();
  for (const area of areas) await area.fill(text);
  return areas.length;
}

/// Every radio group has a choice and every text field the given text.
async function allAnswered(page, text) {
  const sets = await page.locator('form#answers fieldset.scale').count();
  const checked = await page.locator('form#answers fieldset.scale input:checked').count();
  expect(sets > 0 && checked === sets, `${checked} of ${sets} choices are kept`);
  for (const area of await page.locator('form#answers textarea').all()) {
    expect((await area.inputValue()) === text, 'a free-text answer was not kept');
  }
}

export async function answerOnPhone(t, browser, link) {
  const phone = await browser.newContext(PHONE);
  t.watch(phone);
  const p = await phone.newPage();
  try {
    await t.step(p, 'respondent: an unknown link gets a clear page', async () => {
      const r = await p.goto(`${link.replace(/\/respond\/.*/, '/respond/')}${'x'.repeat(64)}`);
      expect(r.status() === 404, `status ${r.status()}, expected 404`);
      expect((await p.textContent('h1')).trim().length > 0, 'no heading');
      await fitsWidth(p, 360);
      await t.axe(p);
    });
    await t.step(p, 'respondent: open the personal link on a phone', async () => {
      const r = await p.goto(link);
      expect(r.status() === 200, `status ${r.status()}`);
      const names = await Promise.all((await p.locator('form#answers section.card').all()).map(sectionName));
      expect(names.length === 2 && GIVEN.every(([re]) => names.some((n) => re.test(n))), `sections: ${names.join(', ')}`);
      await fitsWidth(p, 360);
      await t.axe(p);
    });
    let questions = 0;
    await t.step(p, 'respondent: answers are saved while tapping', async () => {
      questions = await tapAll(p);
      // The message is emptied and set again, so a screen reader reads each save.
      const said = await p
        .waitForFunction(() => {
          const s = document.getElementById('autosave-status');
          return s.textContent === s.dataset.saved;
        }, null, { timeout: 5000 })
        .then(() => true, () => false);
      expect(said, `autosave said: ${await p.textContent('#autosave-status')}`);
    });
    await t.step(p, 'respondent: a too long answer is refused, the rest kept', async () => {
      questions += await writeAll(p, 'x'.repeat(4001));
      const r = await submit(p, 'button[name=action][value=submit]');
      expect(r.status() === 422, `status ${r.status()}, expected 422`);
      const invalid = p.locator('form#answers textarea[aria-invalid=true]');
      expect(await invalid.count() === 2, `${await invalid.count()} text fields marked invalid, expected 2`);
      const described = await invalid.first().getAttribute('aria-describedby');
      expect(await p.isVisible(`[id="${described}"]`), 'the field error is not shown');
      await allAnswered(p, 'x'.repeat(4001));
      await fitsWidth(p, 360);
      await t.axe(p);
    });
    await t.step(p, `respondent: submit all ${questions} answers and see the thank-you`, async () => {
      await writeAll(p, FREE_TEXT);
      const r = await submit(p, 'button[name=action][value=submit]');
      expect(r.status() === 200, `status ${r.status()}`);
      const notice = await p.textContent('[role=status]');
      expect(notice.includes('Tack!'), `no thank-you: ${notice}`);
      await fitsWidth(p, 360);
      await t.axe(p);
    });
    await t.step(p, 'respondent: the link opened again shows the answers', async () => {
      await p.goto(link);
      await allAnswered(p, FREE_TEXT);
      expect(await p.isVisible('button[name=action][value=submit]'), 'the answers can no longer be changed');
      await t.axe(p);
    });
    await t.step(p, 'respondent: the form in English', async () => {
      await p.goto(`${link}?lang=en`);
      expect(await p.getAttribute('html', 'lang') === 'en', 'the page is not marked as English');
      await allAnswered(p, FREE_TEXT);
      await fitsWidth(p, 360);
      await t.axe(p);
    });
  } finally {
    await phone.close();
  }
}
