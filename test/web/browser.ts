import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The app as `npm start` serves it: built by Vite into web/dist (`npm test`'s pretest builds it;
 * a run of this file alone builds it here when it is missing).
 */
export function ensureWebBuilt() {
  if (fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) return;
  execFileSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', 'web', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** The Chromium the hub prints documents with (CHROMIUM_PATH): no browser is downloaded. */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
}

/** A tablet-sized page in UK time; errors the page logs fail the test (see `pageErrors`). */
export async function tabletPage(browser: Browser, token?: string) {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    timezoneId: 'UTC',
    locale: 'en-GB',
  });
  // A user made by the test factories signs in with their token, as after an OIDC sign-in.
  if (token) {
    await context.addInitScript(
      (value) => (globalThis as any).sessionStorage.setItem('asb-hub.token', value),
      token,
    );
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A Content-Security-Policy refusal is logged as a console error: the app must not need one.
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      errors.push(message.text());
    }
  });
  return { page, errors, close: () => context.close() };
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/**
 * axe-core's WCAG 2.2 A and AA rules on the page as it stands. Evaluated over the DevTools
 * protocol, so the app's CSP (no inline script) stays on while axe runs.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as any).axe;
    const result = await axe.run((globalThis as any).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
    }));
  });
}

/** The screenshots the docs show (docs/_incoming/web.md): written on every run, so they stay current. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(ROOT, 'docs/images', `web-${name}.png`),
    fullPage: true,
  });
}

/** Development sign-in: the demo user picked on the sign-in screen. */
export async function signInAsDemoUser(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/app/`);
  await page.getByLabel('Demo user').selectOption(username);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
