// typescript-eslint, Lit, web-component and Lit a11y rules; service data is only ever
// rendered as text, so src/ may not use unsafeHTML, innerHTML or eval-like calls.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  // examples/: each app is checked by its own framework's tooling (test/e2e/examples.e2e.ts).
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', 'public/mockServiceWorker.js', 'test-results/', 'src/i18n/locales/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    plugins: { 'lit-a11y': litA11y },
    rules: litA11y.configs.recommended.rules,
  },
  {
    languageOptions: {
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.*', 'test/e2e/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: 'Service data is rendered as text: no unsafeHTML.' },
            { name: 'lit-html/directives/unsafe-html.js', message: 'Service data is rendered as text: no unsafeHTML.' },
            { name: 'lit/directives/unsafe-svg.js', message: 'No unsafeSVG.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use Lit templates; never innerHTML.' },
        { property: 'outerHTML', message: 'Use Lit templates; never outerHTML.' },
        { property: 'insertAdjacentHTML', message: 'Use Lit templates.' },
        { object: 'document', property: 'write', message: 'No document.write.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function (eval-like, breaks strict CSP).' },
        { selector: "CallExpression[callee.name='setTimeout'][arguments.0.type='Literal']", message: 'No string setTimeout.' },
        { selector: "CallExpression[callee.name='setInterval'][arguments.0.type='Literal']", message: 'No string setInterval.' },
      ],
    },
  },
);
