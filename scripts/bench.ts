/**
 * npm run bench [-- --reports N] [--rounds R] [--keep] [--skip-floor] [--skip-query]
 * What a build of N reports costs, this project against the floor (bench/floor/, the least a site
 * like this can do), step by step: wall time, CPU time and peak memory of each step's whole
 * process tree, the size of dist/ and of its search index, and the first query in Chromium.
 * Not a test: figures for docs/performance.md, which explains how each is measured ("npm run bench").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './support/chromium.ts';
import { measure, window, type Measured } from './bench/process-tree.ts';
import { firstQuery, type QueryResult } from './bench/query.ts';
import { writeSynthetic } from './bench/synthetic.ts';

const HELP = `usage: npm run bench [-- options]

Builds N synthetic reports (copies of content/ with varied narratives) with this project and with
the floor in bench/floor/, interleaved, and prints per step wall time, CPU time (user + system of
the whole process tree) and peak memory (summed RSS of the tree, sampled every 100 ms), the sizes
of dist/ and of its search index, and the first query 公务接待费 in Chromium.

  --reports N    reports to generate (default 100; rounded up to whole offices)
  --rounds R     builds of each side, interleaved project, floor, project, floor … (default 1)
  --keep         keep the generated content and the built sites, and print where they are
  --skip-floor   build this project only
  --skip-query   do not open the sites in Chromium
  --help         show this text`;

const QUERY = '公务接待费';

// ---- options ----

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
function option(name: string, fallback: number): number {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} needs a positive whole number, got ${argv[i + 1] ?? 'nothing'}\n\n${HELP}`);
    process.exit(2);
  }
  return n;
}
const known = ['--reports', '--rounds', '--keep', '--skip-floor', '--skip-query'];
// Anything but the options and the numbers after --reports and --rounds.
const unknown = argv.filter((a, i) => !known.includes(a) && !/^--r(eports|ounds)$/.test(argv[i - 1] ?? ''));
if (unknown.length) {
  console.error(`unknown option ${unknown.join(' ')}\n\n${HELP}`);
  process.exit(2);
}
const wanted = option('--reports', 100);
const rounds = option('--rounds', 1);
const keep = argv.includes('--keep');
const withFloor = !argv.includes('--skip-floor');
const withQuery = !argv.includes('--skip-query');

// ---- formatting ----

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB`;
const kilobytes = (bytes: number) => `${(bytes / 1e3).toFixed(0)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function treeBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? treeBytes(p) : e.isFile() ? statSync(p).size : 0;
  }
  return n;
}

// ---- the two builds ----

/** One step's figures. */
interface Step {
  wallMs: number;
  cpuMs: number;
  peakRss: number;
  /** The Pagefind step: the peak memory of Pagefind's binary alone, without the Node process that drives it. */
  indexerRss?: number;
}

interface Side {
  steps: Partial<Record<'check' | 'astro' | 'pagefind' | 'whole', Step>>;
  dist: number;
  index: number;
  query?: QueryResult;
  note: string;
}

const project = process.cwd();
if (!existsSync(join(project, 'bench/floor/astro.config.mjs'))) {
  console.error('run npm run bench from the repository root');
  process.exit(2);
}
const bin = join(project, 'node_modules/.bin');
// Before the builds, not after them: Chromium and a CJK font, installed as `npm test` does when missing.
const noBrowser = withQuery ? ensureChromium() : null;
if (noBrowser) {
  console.error(`${noBrowser}; or run with --skip-query`);
  process.exit(2);
}

/** `npm run build`'s commands, as package.json composes them (`a && b`), run one by one like npm. */
const buildScript: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.build;
const buildParts = buildScript.split('&&').map((p) => p.trim());

interface Timing {
  step: string;
  start: number;
  end: number;
}
const timings = (file: string): Timing[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Timing)
    : [];

function failed(what: string, run: Measured, log: string): never {
  const tail = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-30).join('\n') : '';
  console.error(`\n${what} failed (exit ${run.status}); the last lines of ${log}:\n${tail}`);
  throw new Error(`${what} failed`);
}

/**
 * Runs `run` measured; its Pagefind step (GONGKAI_TIMINGS) is cut out of it. Returns the Astro
 * step (the run without Pagefind) and the Pagefind step.
 */
function splitPagefind(run: Measured, file: string): { astro: Step; pagefind: Step } {
  const t = timings(file).find((x) => x.step === 'pagefind');
  if (!t) throw new Error(`no Pagefind timing in ${file}: is GONGKAI_TIMINGS read by the build?`);
  const inside = window(run, t.start, t.end);
  const outside = run.samples.filter((s) => s.t < t.start || s.t > t.end).map((s) => s.rss);
  return {
    pagefind: {
      wallMs: t.end - t.start,
      cpuMs: inside.cpuMs,
      peakRss: inside.peakRss,
      indexerRss: inside.indexerRss,
    },
    astro: {
      wallMs: run.wallMs - (t.end - t.start),
      cpuMs: run.cpuMs - inside.cpuMs,
      peakRss: Math.max(0, ...outside),
    },
  };
}

async function buildProject(content: string, dist: string, logs: string, round: number): Promise<Side> {
  rmSync(dist, { recursive: true, force: true });
  const side: Side = { steps: {}, dist: 0, index: 0, note: '' };
  const whole: Step = { wallMs: 0, cpuMs: 0, peakRss: 0 };
  for (const [i, part] of buildParts.entries()) {
    const last = i === buildParts.length - 1;
    // npm appends `-- --outDir …` to the last command of the script.
    const command = last ? `${part} --outDir '${dist}'` : part;
    const log = join(logs, `project-${round}-${i}.log`);
    const timingFile = join(logs, `project-${round}-${i}.timings`);
    const run = await measure('sh', ['-c', command], {
      cwd: project,
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        CONTENT_DIR: content,
        GONGKAI_TIMINGS: timingFile,
      },
      log,
    });
    if (run.status !== 0) failed(`project: ${command}`, run, log);
    whole.wallMs += run.wallMs;
    whole.cpuMs += run.cpuMs;
    whole.peakRss = Math.max(whole.peakRss, run.peakRss);
    if (last) {
      const { astro, pagefind } = splitPagefind(run, timingFile);
      side.steps.astro = astro;
      side.steps.pagefind = pagefind;
      const fields = timings(timingFile).find((x) => x.step === 'search-fields');
      if (fields)
        side.note = `search-field check before Pagefind ${seconds(fields.end - fields.start)}, in Astro`;
    } else if (/check/.test(part))
      side.steps.check = { wallMs: run.wallMs, cpuMs: run.cpuMs, peakRss: run.peakRss };
  }
  side.steps.whole = whole;
  side.dist = treeBytes(dist);
  side.index = treeBytes(join(dist, 'pagefind'));
  return side;
}

async function buildFloor(content: string, dist: string, logs: string, round: number): Promise<Side> {
  rmSync(dist, { recursive: true, force: true });
  const log = join(logs, `floor-${round}.log`);
  const timingFile = join(logs, `floor-${round}.timings`);
  const run = await measure(
    join(bin, 'astro'),
    ['build', '--silent', '--root', 'bench/floor', '--outDir', dist],
    { cwd: project, env: { ...process.env, CONTENT_DIR: content, GONGKAI_TIMINGS: timingFile }, log },
  );
  if (run.status !== 0) failed('floor: astro build --root bench/floor', run, log);
  const { astro, pagefind } = splitPagefind(run, timingFile);
  return {
    steps: { astro, pagefind, whole: { wallMs: run.wallMs, cpuMs: run.cpuMs, peakRss: run.peakRss } },
    dist: treeBytes(dist),
    index: treeBytes(join(dist, 'pagefind')),
    note: '',
  };
}

// ---- reporting ----

const STEPS = [
  ['check', 'check'],
  ['astro', 'Astro'],
  ['pagefind', 'Pagefind'],
  ['whole', 'whole build'],
] as const;

function printSide(name: string, s: Side) {
  const steps = STEPS.flatMap(([key, label]) => {
    const x = s.steps[key];
    const indexer = x?.indexerRss ? `, binary ${megabytes(x.indexerRss)}` : '';
    return x
      ? [`${label} ${seconds(x.wallMs)} (CPU ${seconds(x.cpuMs)}, peak ${megabytes(x.peakRss)}${indexer})`]
      : [];
  });
  const query = s.query
    ? `; first query ${s.query.ms} ms, ${kilobytes(s.query.bytes)} in ${s.query.requests} requests`
    : '';
  console.log(
    `  ${name}: ${steps.join('; ')}; dist/ ${megabytes(s.dist)}, pagefind/ ${megabytes(s.index)}${query}${s.note ? `  [${s.note}]` : ''}`,
  );
}

function table(projectRuns: Side[], floorRuns: Side[], reports: number) {
  const rows: string[][] = [];
  /** The medians of both sides and the median of the per-round ratios project ÷ floor. */
  const row = (
    label: string,
    measure: string,
    get: (s: Side) => number | undefined,
    show: (n: number) => string,
  ) => {
    const p = projectRuns.map(get).filter((n): n is number => n !== undefined);
    const f = floorRuns.map(get).filter((n): n is number => n !== undefined);
    const ratios = projectRuns
      .map((s, i) => [get(s), floorRuns[i] ? get(floorRuns[i]) : undefined])
      .filter((pair): pair is [number, number] => pair[0] !== undefined && !!pair[1])
      .map(([a, b]) => a / b);
    if (!p.length && !f.length) return;
    rows.push([
      label,
      measure,
      p.length ? show(median(p)) : '—',
      f.length ? show(median(f)) : '—',
      ratios.length ? `${median(ratios).toFixed(2)}×` : '',
    ]);
  };
  for (const [key, label] of STEPS) {
    row(label, 'wall', (s) => s.steps[key]?.wallMs, seconds);
    row(label, 'CPU', (s) => s.steps[key]?.cpuMs, seconds);
    row(label, 'peak memory', (s) => s.steps[key]?.peakRss, megabytes);
    if (key === 'pagefind') row(label, 'peak memory, binary', (s) => s.steps[key]?.indexerRss, megabytes);
  }
  row('dist/', 'size', (s) => s.dist, megabytes);
  row('pagefind/', 'size', (s) => s.index, megabytes);
  row(
    `first query ${QUERY}`,
    'to 5 results',
    (s) => s.query?.ms,
    (n) => `${n.toFixed(0)} ms`,
  );
  row(`first query ${QUERY}`, 'bytes served', (s) => s.query?.bytes, kilobytes);
  row(
    `first query ${QUERY}`,
    'requests',
    (s) => s.query?.requests,
    (n) => n.toFixed(0),
  );
  const head = [
    `${reports} reports, ${projectRuns.length} round(s), medians`,
    'measure',
    'project',
    'floor',
    'ratio',
  ];
  // Chinese characters take two columns of a terminal.
  const width = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' | ')} |`;
  console.log(['', line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
}

// ---- main ----

const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
// The built sites stay inside the checkout, in a git-ignored cache folder: with an --outDir
// outside the working directory, Astro 5 writes its server chunks to <cwd>/.astro/ and deletes
// that folder afterwards, so two builds from one checkout at once would mix their output.
mkdirSync(join(project, 'node_modules/.cache'), { recursive: true });
const sites = mkdtempSync(join(project, 'node_modules/.cache/gongkai-bench-'));
const logs = join(sites, 'logs');
mkdirSync(logs);
/** After a failure everything is kept, for its logs. */
let failure = false;
const cleanUp = () => {
  if (keep || failure) return;
  rmSync(work, { recursive: true, force: true });
  rmSync(sites, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

try {
  const started = Date.now();
  const synthetic = writeSynthetic(project, work, wanted);
  const content = join(work, 'content');
  console.log(
    `${synthetic.reports} reports of ${synthetic.offices} offices in ${content} (${synthetic.pool} sentences without digits mixed in, ${(synthetic.inserted / synthetic.reports).toFixed(0)} characters a report) in ${seconds(Date.now() - started)}`,
  );
  console.log(`build: ${buildParts.join('  then  ')} --outDir …; floor: astro build --root bench/floor`);
  const projectRuns: Side[] = [];
  const floorRuns: Side[] = [];
  for (let round = 1; round <= rounds; round++) {
    console.log(`round ${round} of ${rounds}`);
    const p = await buildProject(content, join(sites, 'project'), logs, round);
    if (withQuery) p.query = await firstQuery(join(sites, 'project'), QUERY);
    printSide('project', p);
    projectRuns.push(p);
    if (withFloor) {
      const f = await buildFloor(content, join(sites, 'floor'), logs, round);
      if (withQuery) f.query = await firstQuery(join(sites, 'floor'), QUERY);
      printSide('floor  ', f);
      floorRuns.push(f);
    }
  }
  table(projectRuns, floorRuns, synthetic.reports);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(
    `\nload average at the end ${load} (${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores)`,
  );
  if (keep)
    console.log(
      `kept: content ${content} (sources beside it), sites ${join(sites, 'project')} and ${join(sites, 'floor')}, logs ${logs}`,
    );
} catch (e) {
  process.exitCode = 1;
  failure = true;
  console.error(`kept for inspection: content ${work}, sites and logs ${sites}`);
  if (!(e instanceof Error && e.message.endsWith('failed'))) throw e;
} finally {
  cleanUp();
}
