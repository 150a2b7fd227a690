// Lint for TypeScript, Astro components and scripts. Part of `npm test` (`npm run lint`): no warnings allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  // Astro's generated .astro/ folders: the site's, and the benchmark floor's (bench/floor/.astro/).
  { ignores: ['dist/', '**/.astro/', '.test-output/', '.review/', 'public/assets/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    ignores: ['**/*.astro/*'],
    plugins: { 'import-x': importX },
    // The rule parses .astro components to see what they import; they need the TypeScript parser inside.
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.astro'] } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver()],
      'import-x/extensions': ['.ts', '.mjs', '.astro'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mjs'], 'astro-eslint-parser': ['.astro'] },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // Every module is imported by someone, and every export is used: dead code is deleted.
      'import-x/no-unused-modules': [
        'error',
        {
          unusedExports: true,
          missingExports: true,
          src: ['src', 'scripts', 'tests'],
          ignoreExports: ['scripts/*.ts', 'scripts/*.mjs', 'tests/**/*.test.ts', 'src/client', 'src/pages'],
        },
      ],
    },
  },
  {
    // Plain-Node scripts that run without the project installed (review-comment.mjs).
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', fetch: 'readonly' } },
  },
);
