// Steps, accessibility checks and screenshots. A step that fails is counted,
// leaves a full-page screenshot in e2e/screenshots/ and stops the rest of
// its story (later steps would only fail for the same reason); the other
// stories go on.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/// Thrown by a failed step to end its story; already reported.
class Stopped extends Error {}

export class Checks {
  constructor(label, shots) {
    this.label = label;
    this.shots = shots;
    this.failures = [];
    this.passed = 0;
    this.minor = new Map();
    this.errors = [];
  }

  /// Script errors and console errors in `context` fail the step they
  /// happen in (a blocked script or style shows up here as a CSP report).
  /// Responses with an error status are expected in some steps and are
  /// checked there, so the browser's note about them is left out.
  watch(context) {
    context.on('weberror', (e) => this.errors.push(`script error: ${e.error().message}`));
    context.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) this.errors.push(`console: ${m.text()}`);
    });
  }

  /// Runs one step on `page`; its value is returned, a failure stops the story.
  async step(page, name, fn) {
    const started = Date.now();
    const seen = this.errors.length;
    try {
      const value = await fn();
      const errors = this.errors.slice(seen);
      if (errors.length) throw new Error(errors.join(' | '));
      this.passed += 1;
      console.log(`ok    [${this.label}] ${name} (${Date.now() - started} ms)`);
      return value;
    } catch (e) {
      const file = join(this.shots, `${this.label}-${name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      this.failures.push(`[${this.label}] ${name}`);
      console.log(`FAIL  [${this.label}] ${name}: ${e.message}\n      at ${page.url()}\n      screenshot: ${file}`);
      throw new Stopped(name);
    }
  }

  /// Runs a story: a sequence of steps that depend on each other.
  async story(name, fn) {
    try {
      await fn();
    } catch (e) {
      if (e instanceof Stopped) {
        console.log(`skip  [${this.label}] the rest of "${name}"`);
      } else {
        this.failures.push(`[${this.label}] ${name}`);
        console.log(`FAIL  [${this.label}] ${name}: ${e.stack}`);
      }
    }
  }

  /// axe-core on the page as it is now: any serious or critical violation
  /// fails; moderate and minor ones are counted for the summary.
  async axe(page) {
    // Evaluated through the debugging protocol, which the page's CSP does
    // not govern, so the pages are tested under their real policy.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of result.violations) {
      if (!bad.includes(v)) {
        const key = `${v.id} (${v.impact})`;
        this.minor.set(key, new Set([...(this.minor.get(key) || []), new URL(page.url()).pathname]));
      }
    }
    if (bad.length) {
      const list = bad.map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      throw new Error(`accessibility: ${list.join(' | ')}`);
    }
  }
}

/// Fails unless `cond` holds.
export function expect(cond, message) {
  if (!cond) throw new Error(message);
}

/// Submits a form by clicking `button` and waits for the page that answers.
export async function submit(page, button) {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(button)]);
  return response;
}

/// The page must fit a narrow screen: no sideways scrolling.
export async function fitsWidth(page, width) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll <= width + 2, `the page is ${scroll} px wide on a ${width} px screen`);
}
