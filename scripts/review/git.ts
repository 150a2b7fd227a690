/**
 * The git side of the review: resolving the two commits, and one detached worktree per side in a
 * temporary folder, always removed again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ReviewError, lastLines } from './errors.ts';

function git(args: string[], cwd: string): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new ReviewError(`无法运行 git：${r.error.message}`);
  return { ok: r.status === 0, out: r.stdout.trim(), err: r.stderr.trim() };
}

/** The top folder of the repository containing `cwd`. */
export function repoRoot(cwd: string): string {
  const r = git(['rev-parse', '--show-toplevel'], cwd);
  if (!r.ok) throw new ReviewError(`${cwd} 不在 git 仓库中：${r.err}`);
  return r.out;
}

/** The full SHA of a commit-ish, or a ReviewError naming the ref. */
export function resolveCommit(repo: string, ref: string): string {
  const r = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], repo);
  if (!r.ok || !/^[0-9a-f]{40}$/.test(r.out)) throw new ReviewError(`找不到提交“${ref}”`);
  return r.out;
}

/**
 * The default base: where `head` left main (its merge base with main, or origin/main when there
 * is no local main). On main itself that is head, so the review shows head's own change: its
 * first parent. Returns the SHA and a sentence saying what was chosen.
 */
export function defaultBase(repo: string, head: string): { sha: string; why: string } {
  for (const branch of ['main', 'origin/main']) {
    if (!git(['rev-parse', '--verify', '--quiet', `${branch}^{commit}`], repo).ok) continue;
    const base = git(['merge-base', head, branch], repo);
    if (!base.ok)
      throw new ReviewError(`${head.slice(0, 12)} 与 ${branch} 没有共同祖先：请用 --base 指定基线`);
    if (base.out !== head) return { sha: base.out, why: `基线：与 ${branch} 的合并基点` };
    const parent = git(['rev-parse', '--verify', '--quiet', `${head}^1`], repo);
    if (!parent.ok) return { sha: head, why: `基线：对比提交已在 ${branch} 上且没有父提交，与自身比较` };
    return {
      sha: parent.out,
      why: `基线：对比提交已在 ${branch} 上，取它的父提交（评审这次提交本身的改动）`,
    };
  }
  throw new ReviewError('找不到 main 或 origin/main 分支：请用 --base 指定基线');
}

/** Whether the working tree has changes a commit would not include (tracked or new files). */
export function hasUncommittedChanges(repo: string): boolean {
  return git(['status', '--porcelain'], repo).out !== '';
}

export interface Worktree {
  dir: string;
  remove: () => void;
}

/**
 * Checks `sha` out, detached, in `dir`. node_modules is a link to the repository's own, so both
 * sides build with the current install (not the one each side's lock file describes).
 */
export function addWorktree(repo: string, dir: string, sha: string): Worktree {
  const r = git(['worktree', 'add', '--detach', dir, sha], repo);
  if (!r.ok) throw new ReviewError(`无法为 ${sha.slice(0, 12)} 创建工作树：${lastLines(r.err, 5)}`);
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(repo, 'node_modules'), modules, 'dir');
  let removed = false;
  return {
    dir,
    // Synchronous, so it can run from a signal handler on Ctrl-C.
    remove: () => {
      if (removed) return;
      removed = true;
      rmSync(modules, { force: true });
      git(['worktree', 'remove', '--force', dir], repo);
      git(['worktree', 'prune'], repo);
    },
  };
}
