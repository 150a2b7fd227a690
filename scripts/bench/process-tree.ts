/**
 * Runs a command and measures its whole process tree, for `npm run bench`:
 * - wall time, from spawn to the command's exit;
 * - CPU time (user + system) of every process in the tree: /usr/bin/time's totals (the command
 *   and every descendant reaped into it), plus the processes that left the tree without being
 *   reaped into it (Pagefind's binary: the Node API kills it and Node may exit before reaping
 *   it), sampled from /proc while they ran;
 * - memory: every ~100 ms, the VmRSS of every process in the tree (orphans included) is read
 *   from /proc and summed; the peak is the largest sum. /usr/bin/time's maximum resident set is
 *   one process's, and never the unreaped Pagefind binary's.
 * The samples (time, summed RSS, CPU so far) let a step inside the run be measured on its own.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';

interface Sample {
  /** ms since the epoch */
  t: number;
  /** bytes, summed over the tree */
  rss: number;
  /** CPU ms of the tree so far, as sampled (each process up to its last sample) */
  cpu: number;
  /** bytes, summed over the Pagefind binaries in the tree */
  indexer: number;
}

export interface Measured {
  status: number;
  /** ms since the epoch */
  start: number;
  end: number;
  wallMs: number;
  cpuMs: number;
  peakRss: number;
  samples: Sample[];
  /** CPU ms of processes that ran outside the tree's accounting (not reaped into it). */
  orphanCpuMs: number;
}

const TIME = '/usr/bin/time';
const TICK_MS = 1000 / (Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100);
const PAGE = 4096;

interface Stat {
  /** the executable's name, cut to 15 characters by the kernel */
  name: string;
  ppid: number;
  /** own user + system ticks */
  own: number;
  /** ticks of reaped children */
  children: number;
  /** start time in ticks since boot: a pid with another start time is another process */
  started: string;
}

function readStat(pid: string): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      name: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')),
      ppid: Number(f[1]),
      own: Number(f[11]) + Number(f[12]),
      children: Number(f[13]) + Number(f[14]),
      started: f[19],
    };
  } catch {
    return undefined;
  }
}

function readRss(pid: string): number {
  try {
    // statm's second field: resident pages, the same figure as status's VmRSS, cheaper to read.
    return Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]) * PAGE;
  } catch {
    return 0;
  }
}

interface Tracked {
  own: number;
  children: number;
  orphan: boolean;
}

/** Runs `command` with `args`; stdout and stderr go to `log`. Samples every `intervalMs`. */
export async function measure(
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; log: string; intervalMs?: number },
): Promise<Measured> {
  const timed = existsSync(TIME);
  const timeFile = `${opts.log}.time`;
  const out = openSync(opts.log, 'a');
  const start = Date.now();
  const child = timed
    ? spawn(TIME, ['-f', '%e %U %S', '-o', timeFile, command, ...args], {
        cwd: opts.cwd,
        env: opts.env,
        stdio: ['ignore', out, out],
      })
    : spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', out, out] });
  closeSync(out);
  const root = String(child.pid);
  const tracked = new Map<string, Tracked>();
  const samples: Sample[] = [];
  let rootAlive = true;

  const sample = () => {
    const stats = new Map<string, Stat>();
    for (const pid of readdirSync('/proc')) {
      if (pid.charCodeAt(0) > 57) continue;
      const s = readStat(pid);
      if (s) stats.set(pid, s);
    }
    const key = (pid: string) => `${pid}:${stats.get(pid)!.started}`;
    const children = new Map<number, string[]>();
    for (const [pid, s] of stats) {
      const list = children.get(s.ppid);
      if (list) list.push(pid);
      else children.set(s.ppid, [pid]);
    }
    // The tree under the command, then processes seen in it before that are now outside it.
    const inTree = new Set<string>();
    const walk = (pid: string) => {
      if (inTree.has(pid)) return;
      inTree.add(pid);
      for (const c of children.get(Number(pid)) ?? []) walk(c);
    };
    if (rootAlive && stats.has(root)) walk(root);
    const outside = new Set<string>();
    for (const [pid, s] of stats)
      if (!inTree.has(pid) && tracked.has(`${pid}:${s.started}`)) outside.add(pid);
    // Only the top of an orphaned subtree: what it reaps is in its own children's ticks.
    for (const pid of outside)
      if (!outside.has(String(stats.get(pid)!.ppid))) tracked.get(key(pid))!.orphan = true;
    for (const pid of outside) walk(pid);
    let rss = 0;
    let indexer = 0;
    for (const pid of inTree) {
      const s = stats.get(pid)!;
      const k = key(pid);
      const t = tracked.get(k);
      if (t) {
        t.own = s.own;
        t.children = s.children;
      } else tracked.set(k, { own: s.own, children: s.children, orphan: false });
      const bytes = readRss(pid);
      rss += bytes;
      if (s.name.startsWith('pagefind')) indexer += bytes;
    }
    let cpu = 0;
    for (const t of tracked.values()) cpu += t.own;
    samples.push({ t: Date.now(), rss, cpu: cpu * TICK_MS, indexer });
    return outside.size + (rootAlive ? 1 : 0);
  };

  const timer = setInterval(sample, opts.intervalMs ?? 100);
  sample();
  const status = await new Promise<number>((done) =>
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1))),
  );
  const end = Date.now();
  rootAlive = false;
  // Whatever outlives the command (an unreaped indexer) is measured until it ends too.
  for (let waited = 0; sample() > 0 && waited < 30_000; waited += 100)
    await new Promise((r) => setTimeout(r, 100));
  clearInterval(timer);

  let orphanTicks = 0;
  for (const t of tracked.values()) if (t.orphan) orphanTicks += t.own + t.children;
  let cpuMs = samples.at(-1)!.cpu;
  if (timed) {
    const fields = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    rmSync(timeFile, { force: true });
    cpuMs = (fields[1] + fields[2]) * 1000 + orphanTicks * TICK_MS;
  }
  return {
    status,
    start,
    end,
    wallMs: end - start,
    cpuMs,
    peakRss: Math.max(...samples.map((s) => s.rss)),
    samples,
    orphanCpuMs: orphanTicks * TICK_MS,
  };
}

/**
 * CPU ms, peak RSS of the tree and peak RSS of the Pagefind binary alone, between two moments of a
 * run (ms since the epoch).
 */
export function window(
  run: Measured,
  from: number,
  to: number,
): { cpuMs: number; peakRss: number; indexerRss: number } {
  const cpuAt = (t: number) => {
    const s = run.samples;
    const i = s.findIndex((x) => x.t >= t);
    if (i < 0) return s.at(-1)!.cpu;
    if (i === 0) return s[0].cpu;
    const a = s[i - 1];
    const b = s[i];
    return b.t === a.t ? b.cpu : a.cpu + ((b.cpu - a.cpu) * (t - a.t)) / (b.t - a.t);
  };
  const inside = run.samples.filter((s) => s.t >= from && s.t <= to);
  return {
    cpuMs: Math.max(0, cpuAt(to) - cpuAt(from)),
    peakRss: Math.max(0, ...inside.map((s) => s.rss)),
    // The binary outlives the step when Node exits without waiting for it.
    indexerRss: Math.max(0, ...run.samples.filter((s) => s.t >= from).map((s) => s.indexer)),
  };
}
