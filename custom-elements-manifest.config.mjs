// custom-elements.json from the JSDoc of every element (npm run build writes it).
// The analyzer reads src/*.ts, but the package ships dist/: the plugin below points every
// module path at the shipped ES module (src/x.ts → dist/npm/x.js) and adds the two modules
// that register the tags (define.js and the drop-in bundle), whose guarded loop the analyzer
// cannot read, so that tools can tell which import defines which tag.
const shipped = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/npm/$1.js');

function shippedPaths() {
  return {
    name: 'billing-shipped-paths',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const fix = (node) => {
        if (Array.isArray(node)) node.forEach(fix);
        else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node)) {
            if ((key === 'module' || key === 'path') && typeof value === 'string') node[key] = shipped(value);
            else fix(value);
          }
        }
      };
      fix(manifest.modules);
      const definitions = manifest.modules.flatMap((module) =>
        (module.declarations ?? [])
          .filter((declaration) => declaration.customElement && declaration.tagName)
          .map((declaration) => ({
            kind: 'custom-element-definition',
            name: declaration.tagName,
            declaration: { name: declaration.name, module: module.path },
          })),
      );
      for (const path of ['dist/npm/define.js', 'dist/billing-panel.js']) {
        manifest.modules.push({ kind: 'javascript-module', path, declarations: [], exports: definitions });
      }
    },
  };
}

export default {
  globs: ['src/billing-panel.ts', 'src/elements/billing-*.ts', 'src/events/*.ts'],
  // src/testing/ (the fake billing service, query helpers) is never shipped or documented.
  exclude: ['src/**/*.styles.ts', 'src/testing/**'],
  outdir: '.',
  litelement: true,
  plugins: [
    shippedPaths(),
    {
      // Storybook's controls and docs read this file: only the public API, no private or
      // protected members (#connection, inherited, billing, slotted…).
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        const isPublic = (m) => (!m.privacy || m.privacy === 'public') && !m.name.startsWith('#');
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            // Attributes of private or protected fields: reactive state (`state: true` in `static properties`), not attributes.
            const hidden = new Set((declaration.members ?? []).filter((m) => !isPublic(m)).map((m) => m.name));
            if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
            if (declaration.members) declaration.members = declaration.members.filter(isPublic);
            // `dispatchEvent(new BillingErrorEvent(…))` is read as an event without a name; each is documented by its @fires.
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
