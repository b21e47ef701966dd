/**
 * vite: `npm start` serves index.html with the fake billing service mounted on the same
 * server (so the demo needs no backend), and `npm run build` makes the drop-in bundle
 * `dist/billing-panel.js` — one self-contained, minified ES module whose import registers
 * every element.
 */
import { defineConfig, type Plugin } from 'vite';
import { FakeBillingService } from './test/fake-api/core.js';
import { fakeBillingMiddleware } from './test/fake-api/node.js';

function fakeBillingService(): Plugin {
  const middleware = fakeBillingMiddleware(new FakeBillingService());
  return {
    name: 'fake-billing-service',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}

export default defineConfig({
  plugins: [fakeBillingService()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    minify: true,
    sourcemap: true,
    lib: {
      entry: 'src/define.ts',
      formats: ['es'],
      fileName: () => 'billing-panel.js',
    },
  },
});
