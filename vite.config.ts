/**
 * vite: `npm start` serves index.html with the fake billing service mounted on the same
 * server (so the demo needs no backend), and `npm run build` makes the drop-in bundle
 * `dist/billing-panel.js` — one self-contained, minified ES module whose import registers
 * every element.
 */
import { defineConfig, parseAst, type Plugin } from 'vite';
import { FakeBillingService } from './src/testing/fake-api/service.js';
import { fakeBillingMiddleware } from './src/testing/fake-api/node.js';

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

/**
 * The generated locale modules import `str` from @lit/localize, which the bundle imports
 * too; rolldown then moves @lit/localize into a chunk of its own that the bundle imports
 * statically (rolldown/rolldown#10731), and the bundle is no longer one file. Each locale
 * module gets its own copy of the three-line tag instead (the shape @lit/localize reads).
 */
function selfContainedLocales(): Plugin {
  return {
    name: 'self-contained-locales',
    transform(code, id) {
      if (!/src\/i18n\/locales\/[A-Za-z-]+\.ts$/.test(id)) return undefined;
      return code.replace(
        /import\s*\{\s*str\s*\}\s*from\s*['"]@lit\/localize['"];?/,
        'const str = (strings, ...values) => ({ strTag: true, strings, values });',
      );
    },
  };
}

/**
 * Translator notes (`msg(…, { desc: '…' })`) are for the XLIFF catalogs only; in runtime
 * mode they would ride along in the bundle (about 1 KB gzip), so the build drops them
 * from the TypeScript source before it is compiled.
 */
function withoutTranslatorNotes(): Plugin {
  const note = String.raw`desc:\s*'(?:[^'\\]|\\.)*'`;
  const noteOnly = new RegExp(String.raw`,\s*\{\s*${note}\s*,?\s*\}`, 'g');
  const noteAfterId = new RegExp(String.raw`,\s*${note}\s*,?(\s*\})`, 'g');
  return {
    name: 'without-translator-notes',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id) || !code.includes('desc:')) return undefined;
      // Blanked, not cut: every line and column stays where it was, so the source map of
      // these modules (null: unchanged positions) still maps the bundle back to them.
      const blank = (text: string) => text.replace(/[^\n]/g, ' ');
      return {
        code: code.replace(noteOnly, blank).replace(noteAfterId, (match, close: string) => blank(match.slice(0, -close.length)) + close),
        map: null,
      };
    },
  };
}

/**
 * @lit/task is used only by the on-demand dialogs (src/flows/dialogs.ts). Its one import,
 * `notEqual` from @lit/reactive-element, would make the bundler move @lit/reactive-element
 * (which the bundle uses too) into a chunk of its own; it gets its own copy of that
 * one-line function instead, and the dialogs' chunk stays self-contained.
 */
function selfContainedTask(): Plugin {
  const id = '\0lit-task-not-equal';
  return {
    name: 'self-contained-task',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '@lit/reactive-element' && importer?.includes('/@lit/task/') ? id : undefined;
    },
    load(source) {
      // @lit/reactive-element's notEqual, as it is defined there.
      return source === id ? 'export const notEqual = (value, old) => !Object.is(value, old);' : undefined;
    },
  };
}

/**
 * The whitespace of Lit's `html` and `css` templates, and CSS comments, minified at build
 * time (the JavaScript minifier leaves template literals as they are). Only what cannot
 * change what the browser renders: in `html`, every run of whitespace becomes one space
 * (HTML collapses runs into one, and nothing in the panel is `white-space: pre`); in `css`,
 * comments go and so does the whitespace around `{ } ; , :` and at the ends. `str`
 * templates (translations) and template expressions are untouched. The line breaks taken
 * out of a template are put back as code right after it, so every line keeps its number
 * and the source map (null: positions kept) still points at the right lines.
 */
function minifyTemplateLiterals(): Plugin {
  type Node = { type: string; start: number; end: number; [key: string]: unknown };
  const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
  const html = (raw: string) => raw.replace(/\s+/g, ' ');
  const css = (raw: string, first: boolean, last: boolean) => {
    let text = raw
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,]) ?/g, '$1')
      .replace(/: /g, ':');
    if (first) text = text.replace(/^ /, '');
    if (last) text = text.replace(/ $/, '');
    return text;
  };
  return {
    name: 'minify-template-literals',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return undefined;
      const edits: Array<{ start: number; end: number; text: string }> = [];
      const visit = (node: Node) => {
        if (node.type === 'TaggedTemplateExpression') {
          const tag = node['tag'] as Node & { name?: string };
          const quasis = (node['quasi'] as { quasis: Node[] }).quasis;
          if (tag.type === 'Identifier' && (tag.name === 'html' || tag.name === 'css')) {
            let lines = 0;
            quasis.forEach((quasi, i) => {
              const raw = code.slice(quasi.start, quasi.end);
              // A CSS comment or whitespace next to an interpolation is kept as it is.
              const text = tag.name === 'html' ? html(raw) : css(raw, i === 0, i === quasis.length - 1);
              lines += (raw.match(/\n/g) ?? []).length - (text.match(/\n/g) ?? []).length;
              if (text !== raw) edits.push({ start: quasi.start, end: quasi.end, text });
            });
            if (lines > 0) edits.push({ start: node.end, end: node.end, text: '\n'.repeat(lines) });
          }
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.filter(isNode).forEach(visit);
          else if (isNode(value)) visit(value);
        }
      };
      visit(parseAst(code) as unknown as Node);
      if (!edits.length) return undefined;
      edits.sort((a, b) => b.start - a.start || b.end - a.end);
      let out = code;
      for (const { start, end, text } of edits) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  plugins: [fakeBillingService(), selfContainedLocales(), withoutTranslatorNotes(), selfContainedTask(), minifyTemplateLiterals()],
  // Pre-bundle what the demo imports, and only that: by default vite scans every html file,
  // the bench's peer pages included (their dependencies are not installed).
  optimizeDeps: { entries: ['index.html'] },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    minify: true,
    sourcemap: true,
    // public/ holds msw's service worker, for the demo and Storybook; it is not part of the bundle.
    copyPublicDir: false,
    lib: {
      entry: 'src/define.ts',
      formats: ['es'],
      fileName: () => 'billing-panel.js',
    },
    rolldownOptions: {
      // What loads on demand, next to the bundle: the locales other than English, and the
      // flows of src/flows/load.ts (chunks/on-demand-*.js). The minifier keeps `/* @__PURE__ */`
      // annotations by default (150 of them, for a later bundler that never comes: these files
      // are the end product); without them, -0.3 KB gzip.
      output: {
        chunkFileNames: (chunk) => `${chunk.name === 'on-demand' ? 'chunks' : 'locales'}/[name]-[hash].js`,
        minify: true,
        comments: { annotation: false, jsdoc: false },
      },
    },
  },
});
