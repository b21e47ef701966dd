// npm run screenshot: the README's picture of the demo, taken by headless Chromium from
// the vite dev server (the demo against the fake billing service). Writes docs/demo.png.
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const server = await createServer({ logLevel: 'silent', server: { port: 0 } });
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 960, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.selectOption('select[name=dataset]', 'past-due');
  await page.getByText('Payment needed.').waitFor();
  await page.getByText('Billing details').waitFor();
  await page.locator('billing-panel').screenshot({ path: 'docs/demo.png' });
  console.log('docs/demo.png written');
} finally {
  await browser.close();
  await server.close();
}
