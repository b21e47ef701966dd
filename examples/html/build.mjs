// A plain page has no build step: this copies the page and the self-hosted drop-in bundle
// (billing-panel.js, its language chunks and its on-demand chunk, as the package ships them)
// into dist/.
import { cpSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
cpSync('src', 'dist', { recursive: true, filter: (path) => !path.endsWith('.test.js') });
cpSync('node_modules/billing-panel/dist/billing-panel.js', 'dist/billing-panel.js');
cpSync('node_modules/billing-panel/dist/locales', 'dist/locales', { recursive: true });
cpSync('node_modules/billing-panel/dist/chunks', 'dist/chunks', { recursive: true });
