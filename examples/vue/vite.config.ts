import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    // Tell Vue that <civic-*> tags are custom elements, not Vue components to resolve.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('civic-') } } }),
  ],
});
