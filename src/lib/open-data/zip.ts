import { zipSync, type Zippable } from 'fflate';
import { fixZipDates } from '../excel/zip-dates.ts';

/**
 * A zip of the given files, in the given order, with every entry stamped 1980-01-01 00:00 (the
 * same bytes on every build, in every time zone).
 */
export function deterministicZip(files: readonly { path: string; bytes: Uint8Array }[]): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) entries[f.path] = [f.bytes, { level: 9 }];
  return fixZipDates(zipSync(entries, { mtime: new Date(2000, 0, 1) }));
}
