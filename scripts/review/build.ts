/**
 * Builds one side of the review in its worktree with that side's own pipeline (after its own
 * check, for content it cannot read), and loads its content with the current loader for the data
 * diff. Check errors are no gate here: a head that introduces them is still built, and its
 * findings are reported through the data diff.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, type Content } from '../../src/lib/content/load.ts';
import { ReviewError, lastLines } from './errors.ts';

export type Side = 'base' | 'head';
export const SIDE_LABELS: Record<Side, string> = { base: '基线（base）', head: '对比（head）' };

const running = new Set<ChildProcess>();

/** Stops the builds under way (on Ctrl-C) and waits, at most 5 s, until they have let go of the worktrees. */
export function stopBuilds(): Promise<void> {
  const closing = [...running].map((child) => new Promise<void>((done) => child.once('close', () => done())));
  for (const child of running) child.kill('SIGTERM');
  return Promise.race([
    Promise.all(closing).then(() => undefined),
    new Promise<void>((done) => setTimeout(done, 5000).unref()),
  ]);
}

/** Runs one step, its output kept to explain a failure; resolves with the exit code and that output. */
function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  // The side builds its own content/, whatever the caller's environment points the tests at.
  const env = { ...process.env };
  delete env.CONTENT_DIR;
  delete env.SITE_DIR;
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (e) => (output += `\n${e.message}`));
    child.on('close', (code, signal) => {
      running.delete(child);
      done({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

/** The side's build command: scripts/build-site.ts, or a bare Astro build for a commit from before it. */
function pipeline(dir: string, dist: string): string[][] {
  if (existsSync(join(dir, 'scripts/build-site.ts')))
    return [['npx', 'tsx', 'scripts/build-site.ts', '--outDir', dist]];
  return [['npx', 'astro', 'build', '--silent', '--outDir', dist]];
}

/**
 * The side's own check, for the one kind of finding that stops its build: content it cannot read
 * (rule "schema"). Other errors are left to the data diff. A side without a JSON check is not
 * pre-checked; its build says what is wrong.
 */
async function unreadableContent(dir: string): Promise<string[]> {
  if (!existsSync(join(dir, 'scripts/check.ts'))) return [];
  const r = await run('npx', ['tsx', 'scripts/check.ts', '--json'], dir);
  try {
    const rows = JSON.parse(r.output.slice(r.output.indexOf('['))) as {
      file: string;
      line: number;
      column: number;
      rule: string;
      message: string;
    }[];
    return rows
      .filter((x) => x.rule === 'schema')
      .map((x) => `${x.file}:${x.line}:${x.column}  ${x.message}`);
  } catch {
    return [];
  }
}

/**
 * Builds a side into `dist` and returns its content as the current loader reads it (for the data
 * diff), with the loader's complaints when it reads an older format differently.
 */
export async function buildSide(
  side: Side,
  sha: string,
  dir: string,
  dist: string,
): Promise<{ content: Content; warnings: string[] }> {
  const name = `${SIDE_LABELS[side]} ${sha.slice(0, 12)}`;
  const unreadable = await unreadableContent(dir);
  if (unreadable.length) {
    const more = unreadable.length > 10 ? `\n……另有 ${unreadable.length - 10} 个` : '';
    throw new ReviewError(
      `${name} 无法构建：内容有 ${unreadable.length} 个格式错误\n${unreadable.slice(0, 10).join('\n')}${more}`,
    );
  }
  for (const [cmd, ...args] of pipeline(dir, dist)) {
    const r = await run(cmd, args, dir);
    if (r.code !== 0)
      throw new ReviewError(
        `${name} 构建失败（${[cmd, ...args].join(' ')} 退出码 ${r.code}）：\n${lastLines(r.output)}`,
      );
  }
  const content = loadContent(join(dir, 'content'), { locations: true });
  const warnings = content.errors.map((e) => `${e.file}:${e.line}:${e.col}  ${e.message}`);
  return { content, warnings };
}
