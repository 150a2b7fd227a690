import { defineConfig } from 'astro/config';
import gongkai from './src/integrations/gongkai.ts';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [gongkai()],
});
