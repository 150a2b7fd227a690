/**
 * npm run review [-- --base <ref>] [--head <ref>] [--out <dir>] [--no-visual]
 * What a change does to the published figures, narrative, checks and pages: builds both commits
 * in temporary worktrees, diffs their content and their built sites, screenshots the changed
 * pages, and writes diff.json, comment.md and report.html to --out (default .review/).
 *   --head  defaults to HEAD. Uncommitted changes are not reviewed (a warning says so).
 *   --base  defaults to the merge base of head with main (or origin/main); when head is on main
 *           already, its first parent, so the review shows that commit's own change.
 * Both sides build with this checkout's node_modules, each with its own scripts/build-site.ts.
 * Exit 0 no differences, 1 differences found, 2 the review itself failed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Content } from '../src/lib/content/load.ts';
import { diffContent } from '../src/lib/review/index.ts';
import type { ReviewResult } from '../src/lib/review/types.ts';
import { ensureChromium } from './support/chromium.ts';
import { SIDE_LABELS, buildSide, stopBuilds, type Side } from './review/build.ts';
import { renderComment } from './review/comment.ts';
import { ReviewError } from './review/errors.ts';
import {
  addWorktree,
  defaultBase,
  hasUncommittedChanges,
  repoRoot,
  resolveCommit,
  type Worktree,
} from './review/git.ts';
import { comparePages } from './review/pages.ts';
import { renderReportHtml } from './review/report-html.ts';
import { shootPages } from './review/screenshots.ts';
import { hasDifferences, summaryLine } from './review/summary.ts';

/** Left in the output folder, so that a later run knows it may clear it. */
const OUTPUT_MARK = '.gongkai-review';

function options() {
  try {
    return parseArgs({
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        out: { type: 'string', default: '.review' },
        'no-visual': { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    throw new ReviewError(
      `参数有误：${(e as Error).message}\n用法：npm run review -- [--base <提交>] [--head <提交>] [--out <目录>] [--no-visual]`,
    );
  }
}

/** Clears the output folder, refusing one that holds something else than an earlier review. */
function prepareOut(out: string): void {
  if (existsSync(out) && readdirSync(out).length && !existsSync(join(out, OUTPUT_MARK)))
    throw new ReviewError(`输出目录 ${out} 不是空目录，也不是以前的评审结果：不会清空它，请换一个 --out`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, OUTPUT_MARK), '');
}

/** Worktrees and the temporary folder, removed on every way out (including Ctrl-C). */
const worktrees: Worktree[] = [];
let temporary: string | undefined;
function cleanUp(): void {
  for (const tree of worktrees.splice(0))
    try {
      tree.remove();
    } catch {
      // Removing the folder below and `git worktree prune` on the next run finish the job.
    }
  if (temporary) rmSync(temporary, { recursive: true, force: true, maxRetries: 3 });
  temporary = undefined;
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    void stopBuilds().then(() => {
      cleanUp();
      console.error('评审已中断，临时工作树已删除。');
      process.exit(130);
    });
  });

function writeOutputs(out: string, result: ReviewResult): void {
  writeFileSync(join(out, 'diff.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(out, 'comment.md'), renderComment(result));
  writeFileSync(join(out, 'report.html'), renderReportHtml(result));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

/** Display names of the reports and offices a diff mentions, from head, else base. */
function names(sides: Content[], ids: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids)
    for (const side of sides) {
      const name =
        side.reports.find((r) => r.id === id)?.data.title ??
        side.offices.find((o) => o.slug === id)?.data.name;
      if (name) {
        out[id] = name;
        break;
      }
    }
  return out;
}

async function review(): Promise<number> {
  const started = performance.now();
  const args = options();
  const visual = !args['no-visual'];
  const repo = repoRoot(process.cwd());
  const head = resolveCommit(repo, args.head ?? 'HEAD');
  if (!args.head && hasUncommittedChanges(repo))
    console.error('注意：工作区有未提交的修改，评审只比较提交，这些修改不在其中。');
  let base: string;
  if (args.base) base = resolveCommit(repo, args.base);
  else {
    const chosen = defaultBase(repo, head);
    base = chosen.sha;
    console.error(`${chosen.why}：${base.slice(0, 12)}`);
  }
  const out = resolve(args.out);
  prepareOut(out);
  if (visual) {
    const problem = ensureChromium();
    if (problem) throw new ReviewError(`无法截图：${problem}。可加 --no-visual 跳过截图。`);
  }
  console.log(`评审 ${base.slice(0, 12)} → ${head.slice(0, 12)}（两边都用当前的 node_modules 构建）`);
  if (base === head) {
    const same: ReviewResult = { base, head, reports: [], offices: [], pages: [], files: [] };
    writeOutputs(out, same);
    console.log('基线与对比是同一提交：没有差异。');
    return 0;
  }

  temporary = mkdtempSync(join(tmpdir(), 'gongkai-review-'));
  const timings: [string, number][] = [];
  const timed = async <T>(label: string, step: () => Promise<T> | T): Promise<T> => {
    const at = performance.now();
    const result = await step();
    timings.push([label, performance.now() - at]);
    return result;
  };
  const sides = {} as Record<Side, { content: Content; dist: string }>;
  for (const [side, sha, label] of [
    ['base', base, '构建基线'],
    ['head', head, '构建对比'],
  ] as const) {
    const tree = addWorktree(repo, join(temporary, side), sha);
    worktrees.push(tree);
    const dist = join(temporary, `dist-${side}`);
    const built = await timed(label, () => buildSide(side, sha, tree.dir, dist));
    if (built.warnings.length)
      console.error(
        `注意：用当前代码读取${SIDE_LABELS[side]}的内容时有 ${built.warnings.length} 个问题（内容格式可能已改变），数据比较可能不完整：\n${built.warnings.slice(0, 5).join('\n')}`,
      );
    sides[side] = { content: built.content, dist };
  }

  const result = await timed('比较', (): ReviewResult => {
    const data = diffContent(sides.base.content, sides.head.content);
    const compared = comparePages(sides.base.dist, sides.head.dist, data, {
      base: sides.base.content,
      head: sides.head.content,
    });
    const ids = [...data.reports.map((r) => r.id), ...data.offices.map((o) => o.id)];
    return {
      base,
      head,
      ...data,
      ...compared,
      names: names([sides.head.content, sides.base.content], ids),
    };
  });
  if (visual)
    await timed('截图', () =>
      shootPages(result.pages, { base: sides.base.dist, head: sides.head.dist }, out),
    );
  cleanUp();

  writeOutputs(out, result);
  timings.push(['共', performance.now() - started]);
  console.log(summaryLine(result));
  console.log(`用时：${timings.map(([label, ms]) => `${label} ${seconds(ms)}`).join('，')}`);
  const shown = relative(process.cwd(), out) || '.';
  console.log(`结果：${['comment.md', 'report.html', 'diff.json'].map((f) => join(shown, f)).join('、')}`);
  return hasDifferences(result) ? 1 : 0;
}

let status = 2;
try {
  status = await review();
} catch (e) {
  const message = e instanceof ReviewError ? e.message : `意外错误：${(e as Error).message ?? String(e)}`;
  // A build stopped by Ctrl-C fails too; the signal handler reports and exits.
  if (!interrupted) console.error(`评审失败：${message}`);
}
if (!interrupted) {
  cleanUp();
  process.exit(status);
}
