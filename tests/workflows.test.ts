import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { commentBody, MARKER, postReview, prNumber } from '../scripts/review-comment.mjs';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const DIR = '.github/workflows';
const workflows = new Map(
  readdirSync(DIR).map((file) => [file, parse(readFileSync(join(DIR, file), 'utf8')) as Workflow]),
);
const steps = (file: string) => Object.values(workflows.get(file)!.jobs).flatMap((job) => job.steps);
const runs = (file: string) => steps(file).flatMap((step) => (step.run ? [step.run] : []));
const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;

test('the three workflows are there and parse', () => {
  assert.deepEqual([...workflows.keys()].sort(), ['ci.yml', 'review-comment.yml', 'review.yml']);
});

test('ci.yml runs the README test command on push and pull request', () => {
  const ci = workflows.get('ci.yml')!;
  assert.deepEqual(Object.keys(ci.on).sort(), ['pull_request', 'push']);
  assert.deepEqual(runs('ci.yml'), ['npm ci', 'npm test']);
  assert.match(readFileSync('README.md', 'utf8'), /npm ci && npm test/);
});

test('every npm script and node script a workflow runs exists', () => {
  for (const file of workflows.keys()) {
    for (const script of runs(file)) {
      for (const [, name] of script.matchAll(/npm run ([\w:-]+)/g))
        assert.ok(scripts[name], `${file}: npm run ${name}`);
      for (const [, path] of script.matchAll(/node (scripts\/\S+)/g))
        assert.ok(readFileSync(path), `${file}: ${path}`);
    }
  }
  assert.ok(runs('review.yml').some((r) => r.includes('npm run review')));
});

test('no workflow interpolates event data into a shell script (script injection)', () => {
  for (const file of workflows.keys()) {
    for (const script of runs(file)) assert.doesNotMatch(script, /\$\{\{/, `${file}: ${script}`);
  }
});

test('review.yml runs the pull request with a read-only token; the comment workflow never runs its code', () => {
  const review = workflows.get('review.yml')!;
  assert.deepEqual(Object.keys(review.on), ['pull_request']);
  assert.deepEqual(review.permissions, { contents: 'read' });
  assert.ok(steps('review.yml').some((s) => s.uses?.startsWith('actions/upload-artifact')));

  const comment = workflows.get('review-comment.yml')!;
  assert.deepEqual(comment.on, { workflow_run: { workflows: [review.name], types: ['completed'] } });
  assert.equal(comment.permissions['pull-requests'], 'write');
  assert.equal(comment.permissions.contents, 'read');
  for (const step of steps('review-comment.yml').filter((s) => s.uses?.startsWith('actions/checkout'))) {
    assert.equal(step.with?.ref, '${{ github.event.repository.default_branch }}');
  }
  assert.deepEqual(runs('review-comment.yml'), ['node scripts/review-comment.mjs']);
});

test('commentBody: one marker on top, mentions defused, capped', () => {
  const cases: [string, (body: string) => void][] = [
    ['摘要', (b) => assert.equal(b, `${MARKER}\n摘要\n`)],
    [`${MARKER}\n摘要${MARKER}`, (b) => assert.equal(b.split(MARKER).length, 2)],
    ['请 @octocat 看看', (b) => assert.ok(!b.includes('@octocat') && b.includes('@\u200boctocat'))],
    ['x'.repeat(200_000), (b) => assert.ok(b.length <= 65_536 && b.includes('已截断'))],
  ];
  for (const [input, check] of cases) check(commentBody(input));
});

test('prNumber accepts digits only', () => {
  assert.equal(prNumber('42\n'), 42);
  for (const bad of ['', '0', '-1', '4 2', '42; rm -rf /', '../1', '1e3']) assert.throws(() => prNumber(bad));
});

/** A stand-in for the GitHub REST API on 127.0.0.1 that records what it was asked. */
async function fakeGitHub(
  headSha: string,
  existing: { id: number; user: { login: string }; body: string }[],
) {
  const calls: { method: string; url: string; body?: { body: string } }[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      calls.push({ method: req.method!, url: req.url!, body: data ? JSON.parse(data) : undefined });
      const reply = (value: unknown) => res.writeHead(200).end(JSON.stringify(value));
      if (req.url === '/repos/o/r/pulls/7') return reply({ head: { sha: headSha } });
      if (req.url?.startsWith('/repos/o/r/issues/7/comments?')) return reply(existing);
      if (req.method === 'POST') return reply({ id: 99 });
      if (req.method === 'PATCH') return reply({});
      res.writeHead(404).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const api = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { api, calls, close: () => server.close() };
}

test('postReview creates the comment once, then updates it; a foreign pull request number is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-comment-'));
  try {
    writeFileSync(join(dir, 'pr-number'), '7\n');
    writeFileSync(join(dir, 'comment.md'), `${MARKER}\n1 个数字有变化 @someone`);
    const options = { repo: 'o/r', token: 't', dir, headSha: 'abc' };

    const fresh = await fakeGitHub('abc', [{ id: 1, user: { login: 'someone' }, body: `${MARKER}\nfake` }]);
    assert.deepEqual(await postReview({ ...options, api: fresh.api }), {
      action: 'created',
      number: 7,
      id: 99,
    });
    const posted = fresh.calls.find((c) => c.method === 'POST')!;
    assert.equal(posted.url, '/repos/o/r/issues/7/comments');
    assert.equal(posted.body!.body, `${MARKER}\n1 个数字有变化 @\u200bsomeone\n`);
    fresh.close();

    const bot = { login: 'github-actions[bot]' };
    const again = await fakeGitHub('abc', [{ id: 5, user: bot, body: `${MARKER}\nold` }]);
    assert.deepEqual(await postReview({ ...options, api: again.api }), {
      action: 'updated',
      number: 7,
      id: 5,
    });
    assert.ok(again.calls.some((c) => c.method === 'PATCH' && c.url === '/repos/o/r/issues/comments/5'));
    again.close();

    const other = await fakeGitHub('def', []);
    await assert.rejects(postReview({ ...options, api: other.api }), /不是被评审的提交/);
    assert.ok(!other.calls.some((c) => c.method === 'POST' || c.method === 'PATCH'));
    other.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
