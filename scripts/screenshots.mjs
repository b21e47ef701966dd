// npm run screenshots: a gallery for review — every story of the static Storybook at 360,
// 768 and 1280 px, light and dark, as PNGs in test-results/gallery/ (not in git).
// Builds Storybook first unless storybook-static/ exists (`-- --no-build` skips it anyway).
// `-- --filter=panel` keeps only story ids containing the text; `-- --out=dir` writes elsewhere.
import { execSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const root = resolve(arg('static') ?? 'storybook-static');
const out = resolve(arg('out') ?? 'test-results/gallery');
const filter = arg('filter') ?? '';
const widths = (arg('widths') ?? '360,768,1280').split(',').map(Number);
const themes = (arg('themes') ?? 'light,dark').split(',');
if (!existsSync(join(root, 'index.json')) && !process.argv.includes('--no-build')) {
  execSync('npm run build-storybook', { stdio: 'inherit' });
}
mkdirSync(out, { recursive: true });

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  const path = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!path.startsWith(root) || !existsSync(path)) return void res.writeHead(404).end();
  const file = path.endsWith('/') ? join(path, 'index.html') : path;
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && e.id.includes(filter));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
let count = 0;
try {
  for (const theme of themes) {
    const context = await browser.newContext({ colorScheme: theme, deviceScaleFactor: 1, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    for (const story of stories) {
      const background = theme === 'dark' ? '#0b0f19' : '#ffffff';
      await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`);
      // The story's own ready text is not known here: wait until no skeleton is left (or 6 s).
      await page
        .waitForFunction(() => {
          const deep = (node) => [...node.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
          const all = deep(document);
          return all.some((e) => e.localName?.startsWith('billing-')) && !all.some((e) => e.classList?.contains('skeleton'));
        }, undefined, { timeout: 6000 })
        .catch(() => {});
      // The theme as a host page sets it: the attribute on every billing element of the story.
      await page.evaluate(
        ([bg, name]) => {
          document.body.style.background = bg;
          for (const el of document.querySelectorAll('#storybook-root [theme], #storybook-root billing-panel, #storybook-root > * > [base-url]')) el.setAttribute('theme', name);
        },
        [background, theme],
      );
      for (const width of widths) {
        await page.setViewportSize({ width, height: 800 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await page.screenshot({ path: join(out, `${story.id}--${width}-${theme}.png`), fullPage: true });
        count++;
      }
    }
    await context.close();
  }
  console.log(`${count} screenshots in ${out}`);
} finally {
  await browser.close();
  server.close();
}
