// Back at the desk, the official sees the answer arrive: the review's
// progress, the results per membership and criterion, the free text, the
// analysis; then downloads the report as PDF and as DOCX the way a browser
// does (a download, not a page).
import { readFileSync } from 'node:fs';
import { expect, submit } from './check.mjs';
import { NAMED } from './register.mjs';
import { RESPONDENT } from './review.mjs';
import { FREE_TEXT, GIVEN } from './respond.mjs';

/// The number in a results cell, as the page writes it (decimal comma or point).
function number(cell) {
  return Number(cell.trim().replace(/\s/g, '').replace(',', '.'));
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const failure = await file.failure();
  expect(!failure, `the download failed: ${failure}`);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

export async function seeResults(t, page, review) {
  const base = t.server.base;
  await t.step(page, 'results: the review shows the respondent has answered', async () => {
    await page.goto(`${base}/reviews/${review.id}`);
    const row = await page.locator('#respondents + .table-wrap tbody tr', { hasText: RESPONDENT.name }).textContent();
    expect(!row.includes('Inte svarat'), `the respondent is still "not answered": ${row}`);
    const overall = await page.locator('tbody tr', { has: page.locator('th', { hasText: 'Totalt' }) }).locator('td').allTextContents();
    expect(overall.length === 5 && overall[3].trim() === '1' && overall[4].includes('100'), `overall progress: ${overall.join(' | ')}`);
  });
  await t.step(page, 'results: each membership shows the given answers', async () => {
    await submit(page, `a[href="/reviews/${review.id}/results"]`);
    for (const [org, value] of GIVEN) {
      const card = page.locator('section.card', { has: page.locator('h2', { hasText: org }) }).first();
      expect(await card.count() === 1, `no results for ${org}`);
      const rows = await card.locator('tbody tr').all();
      expect(rows.length >= 4, `${rows.length} criteria for ${org}`);
      for (const row of rows) {
        const cells = await row.locator('td').allTextContents();
        const name = await row.locator('th').textContent();
        expect(number(cells[0]) >= 1, `${org}, ${name}: n is ${cells[0]}`);
        expect(number(cells[2]) === Number(value), `${org}, ${name}: the median is ${cells[2]}, the answer was ${value}`);
      }
      expect((await card.textContent()).includes(FREE_TEXT), `the free-text answer is not shown for ${org}`);
    }
    await t.axe(page);
  });
  await t.step(page, 'results: the analysis page', async () => {
    const r = await page.goto(`${base}/reviews/${review.id}/analysis`);
    expect(r.status() === 200, `status ${r.status()}`);
    expect(NAMED.test(await page.textContent('main')), 'the analysis does not name the new membership');
    await t.axe(page);
  });
  await t.step(page, 'report: download the PDF', async () => {
    const { name, bytes } = await download(page, 'a[href$="format=pdf"]');
    expect(name.endsWith('.pdf'), `the file is called ${name}`);
    expect(bytes.subarray(0, 5).toString('latin1') === '%PDF-', 'the file does not start with %PDF-');
    expect(bytes.subarray(-1024).toString('latin1').includes('%%EOF'), 'the PDF has no end marker');
  });
  await t.step(page, 'report: download the DOCX', async () => {
    const { name, bytes } = await download(page, 'a[href$="format=docx"]');
    expect(name.endsWith('.docx'), `the file is called ${name}`);
    expect(bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])), 'the file is not a zip archive');
    // Names of the parts are stored uncompressed in the archive's headers.
    expect(bytes.includes(Buffer.from('word/document.xml')), 'the archive has no word/document.xml');
  });
}
