import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The published source reports (shared/seeds beside the checkout). */
const SEEDS_DIR = resolve(process.env.SEEDS_DIR ?? '../shared/seeds');

export const seedFiles = () =>
  readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();

/** Source text without the extraction's `[bookmark: …]` markers. */
export const seedText = (file: string) =>
  readFileSync(join(SEEDS_DIR, file), 'utf8').replace(/\[bookmark: [^\]]*\]/g, '');
