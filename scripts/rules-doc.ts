/**
 * npm run rules-doc
 * Writes the README's rule table from src/lib/checks/rules.ts (/about/ reads the registry itself);
 * tests/rules-doc.test.ts fails while the README's differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readmeRules } from './support/rules-readme.ts';

const readme = readFileSync('README.md', 'utf8');
const { updated } = await readmeRules(readme);
const changed = updated !== readme;
if (changed) writeFileSync('README.md', updated);
console.log(changed ? 'README.md: rule table updated' : 'README.md: rule table already up to date');
