// The system Chromium for tests: CHROME_PATH first, then the standard paths.
// (Tools' own browser downloads do not work on these machines.)
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean);

/** Flags for headless Chromium as root on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The path of a Chromium to run, or exit with a one-line message saying how to get one. */
export function findChromium() {
  const path = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) {
    console.error('No Chromium found: install one (Debian: apt-get install -y chromium) or set CHROME_PATH.');
    process.exit(1);
  }
  return path;
}
