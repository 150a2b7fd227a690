import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { archiveFile } from '../../src/lib/content/archive.ts';
import { contentRoot } from '../../src/lib/site.ts';

/** The project root: archive paths (sources/…) are relative to the directory that holds content/. */
const projectRoot = () => dirname(contentRoot());

/** Every archived source document under sources/, as its repository path. */
export const archivedFiles = () =>
  readdirSync(join(projectRoot(), 'sources'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `sources/${f}`)
    .sort();

/** An archive's bytes, as committed. */
export const archivedBytes = (archive: string) => readFileSync(archiveFile(projectRoot(), archive));

/** An archive's text without the extraction's `[bookmark: …]` markers. */
export const archivedText = (archive: string) =>
  archivedBytes(archive)
    .toString('utf8')
    .replace(/\[bookmark: [^\]]*\]/g, '');
