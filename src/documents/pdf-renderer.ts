import type { Browser } from 'playwright-core';
import { HubError } from '../errors';
import { errorFields, log } from '../log';

/** Flags for a headless Chromium that prints and does nothing else. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Prints HTML to PDF with the system's Chromium (Debian's package; `CHROMIUM_PATH`) through
 * playwright-core. One browser per hub process, launched on the first document and closed when
 * the hub stops; each document gets its own context with JavaScript off and no network, so a
 * document can only show what its HTML carries.
 */
export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private closed = false;

  constructor(private readonly executablePath: string) {}

  private launch(): Promise<Browser> {
    if (this.closed) throw new HubError('PDF_UNAVAILABLE', 'The hub is stopping');
    if (!this.browser) {
      // Loaded on the first PDF, not at start: playwright-core is tens of MB a process that
      // never prints would hold.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { chromium } = require('playwright-core') as typeof import('playwright-core');
      const launching = chromium.launch({
        executablePath: this.executablePath,
        args: CHROMIUM_ARGS,
      });
      this.browser = launching;
      launching.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = null;
          }),
        (error) => {
          log.error('chromium did not start', errorFields(error));
          if (this.browser === launching) this.browser = null;
        },
      );
    }
    return this.browser;
  }

  async pdf(document: string): Promise<Buffer> {
    let browser: Browser;
    try {
      browser = await this.launch();
    } catch {
      throw new HubError('PDF_UNAVAILABLE', 'PDFs cannot be made just now; the HTML is available');
    }
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(document, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="font-size:8px;width:100%;text-align:center;color:#555">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
        margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
      });
    } finally {
      await context.close();
    }
  }

  /** Closes the browser, if one was launched; later documents are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    if (browser) await browser.then((b) => b.close()).catch(() => undefined);
  }
}
