// custom-elements.json from the JSDoc of every element (npm run build writes it).
export default {
  globs: ['src/billing-panel.ts', 'src/elements/billing-*.ts', 'src/events/*.ts'],
  // src/testing/ (the fake billing service, query helpers) is never shipped or documented.
  exclude: ['src/**/*.styles.ts', 'src/testing/**'],
  outdir: '.',
  litelement: true,
};
