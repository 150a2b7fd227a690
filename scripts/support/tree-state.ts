/**
 * The working tree as `git status --porcelain` lists it, each entry with a digest of the file's
 * bytes, so that a test writing into the checkout is noticed even in a file that was already
 * modified before the tests started.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const digest = (path: string) => {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return 'absent';
  }
};

/** Path → "<status> <digest>"; null outside a git checkout (nothing to compare there). */
export function treeState(): Map<string, string> | null {
  const r = spawnSync('git', ['status', '--porcelain', '-z', '--untracked-files=all'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const entries = r.stdout.split('\0').filter(Boolean);
  const state = new Map<string, string>();
  for (let i = 0; i < entries.length; i++) {
    const [status, path] = [entries[i].slice(0, 2), entries[i].slice(3)];
    // A rename or copy is followed by its original path.
    if (/[RC]/.test(status)) i++;
    state.set(path, `${status} ${digest(path)}`);
  }
  return state;
}

/** The paths whose status or bytes differ between two states, as `git status` shows them now. */
export function treeChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths
    .filter((p) => before.get(p) !== after.get(p))
    .map((p) => `${after.get(p)?.slice(0, 2) ?? '  '} ${p}`);
}
