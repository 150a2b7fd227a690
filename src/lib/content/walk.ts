import { lstatSync, opendirSync, type Dir } from 'node:fs';
import { join } from 'node:path';
import { oddEntry } from './read-file.ts';

/** One entry of a content directory, looked at with lstat: links are never followed. */
export type Entry =
  | { name: string; path: string; type: 'file' | 'dir' }
  | { name: string; path: string; type: 'odd'; what: string };

/** Entries counted so far across the whole walk, against the limit. */
interface EntryBudget {
  left: number;
}

const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? '未知错误';

/**
 * The entries of `dir`, sorted by name. Reads the directory entry by entry and stops when the
 * budget runs out (`exhausted`), so a directory of millions of entries is never listed whole.
 * `unreadable` is the error code when the directory cannot be opened.
 */
export function listEntries(
  dir: string,
  budget: EntryBudget,
): { entries: Entry[]; exhausted: boolean; unreadable?: string } {
  const entries: Entry[] = [];
  let handle: Dir;
  try {
    handle = opendirSync(dir);
  } catch (e) {
    return { entries, exhausted: false, unreadable: code(e) };
  }
  try {
    for (let dirent = handle.readSync(); dirent; dirent = handle.readSync()) {
      if (budget.left-- <= 0) return { entries: entries.sort(byName), exhausted: true };
      const path = join(dir, dirent.name);
      let what: string | undefined;
      let isDir: boolean;
      try {
        const stats = lstatSync(path);
        what = oddEntry(stats);
        isDir = stats.isDirectory();
      } catch {
        continue; // removed while listing
      }
      entries.push(
        what
          ? { name: dirent.name, path, type: 'odd', what }
          : { name: dirent.name, path, type: isDir ? 'dir' : 'file' },
      );
    }
  } catch (e) {
    return { entries: entries.sort(byName), exhausted: false, unreadable: code(e) };
  } finally {
    handle.closeSync();
  }
  return { entries: entries.sort(byName), exhausted: false };
}
