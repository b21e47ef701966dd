// custom-elements.json from the JSDoc of every element (npm run build writes it).
export default {
  globs: ['src/billing-panel.ts', 'src/elements/billing-*.ts', 'src/events/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Storybook's controls and docs read this file: only the public API, no private or
      // protected members (#connection, inherited, billing, slotted…).
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        const isPublic = (m) => (!m.privacy || m.privacy === 'public') && !m.name.startsWith('#');
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.members) declaration.members = declaration.members.filter(isPublic);
          }
        }
      },
    },
  ],
};
