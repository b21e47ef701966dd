import { chromium, type Browser, type Page } from 'playwright';
// @ts-expect-error -- a plain ES module shared with the test-runner config
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

/** The system Chromium with the project's flags, plus `extraArgs`. */
export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium() as string, args: [...(CHROMIUM_ARGS as string[]), ...extraArgs], headless: true });
}

/** Collects console errors, page errors and CSP violations of a page. */
export function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    // Chromium itself logs every 404 fetch; the contract answers "no customer yet" with a 404 on identity.
    if (/Failed to load resource/.test(message.text()) && /\/identity$/.test(message.location().url)) return;
    problems.push(`console.${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}
