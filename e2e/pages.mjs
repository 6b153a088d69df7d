// axe-core on every main page of the demo, signed in and not: lists,
// forms, records and their history, the review's pages, the public pages;
// a few in English too. Record pages are found by following the first link
// of their list, as a user would, so no id is assumed.
import { expect } from './check.mjs';

const SIGNED_IN = [
  '/', '/organisations', '/organisations/new', '/persons', '/persons/new', '/bodies', '/bodies/new',
  '/memberships/new', '/seats/new', '/strategy', '/reviews', '/reviews/new', '/cases', '/cases/new',
  '/cases/import', '/actions', '/actions/new', '/events', '/events/new', '/calendar', '/representation',
  '/intake', '/tables', '/account', '/admin/users', '/settings/public', '/settings/profile',
  '/?lang=en', '/reviews?lang=en', '/cases?lang=en',
];

/// From a list page, the first link whose path matches `pattern`.
const RECORDS = [
  ['/organisations', /^\/organisations\/\d+$/],
  ['/persons', /^\/persons\/\d+$/],
  ['/', /^\/memberships\/\d+$/],
  ['/reviews', /^\/reviews\/\d+$/],
  ['/cases', /^\/cases\/\d+$/],
  ['/actions', /^\/actions\/\d+$/],
  ['/events', /^\/events\/\d+$/],
];

const PUBLIC = ['/login', '/public/stockholm', '/public/stockholm/events'];

async function firstLink(page, base, list, pattern) {
  await page.goto(`${base}${list}`);
  const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href')));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `no link matching ${pattern} on ${list}`);
  return href;
}

async function check(t, page, path) {
  await t.step(page, `accessible ${path}`, async () => {
    const r = await page.goto(`${t.server.base}${path}`);
    expect(r.status() === 200, `status ${r.status()}`);
    await t.axe(page);
  });
}

/// Each page is its own story: one failing page does not hide the others.
export async function mainPages(t, page) {
  const base = t.server.base;
  for (const path of SIGNED_IN) await t.story(path, () => check(t, page, path));
  for (const [list, pattern] of RECORDS) {
    await t.story(`records from ${list}`, async () => {
      const href = await t.step(page, `a record linked from ${list}`, () => firstLink(page, base, list, pattern));
      await check(t, page, href);
      if (/^\/(organisations|persons|memberships)\//.test(href)) await check(t, page, `${href}/history`);
      if (href.startsWith('/reviews/')) {
        for (const sub of ['results', 'analysis', 'analysis/sensitivity/1', 'questions', 'outbox']) await check(t, page, `${href}/${sub}`);
      }
      if (href.startsWith('/cases/')) await check(t, page, `${href}/document?format=html`);
    });
  }
}

/// Pages seen without signing in, in a context without the session.
export async function publicPages(t, browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.watch(context);
  const page = await context.newPage();
  try {
    for (const path of PUBLIC) await t.story(path, () => check(t, page, path));
    await t.story('public case', async () => {
      const href = await t.step(page, 'a decided case on the public page', () => firstLink(page, t.server.base, '/public/stockholm', /^\/public\/stockholm\/cases\/\d+$/));
      await check(t, page, href);
    });
  } finally {
    await context.close();
  }
}
