// custom-elements.json from the JSDoc of every element (npm run build writes it).
export default {
  globs: ['src/billing-panel.ts', 'src/elements/billing-*.ts', 'src/events/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
