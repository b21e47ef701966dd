import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  // Vue leaves billing-* tags to the browser (they are custom elements, not Vue components).
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('billing-') } } })],
  base: './',
});
