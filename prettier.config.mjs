/** Formatting for the whole repository; `npm run lint` checks it, `npm run format` applies it. */
export default {
  printWidth: 110,
  singleQuote: true,
  plugins: ['prettier-plugin-astro'],
  overrides: [{ files: '*.astro', options: { parser: 'astro' } }],
};
