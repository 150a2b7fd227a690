/**
 * Every rule of the registry (src/lib/checks/rules.ts) runs its example on the real content: the
 * passing state has no unacknowledged error of the rule, the failing state one at the edited line.
 * And the registry lists exactly the rules the checks can report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { RULES } from '../src/lib/checks/rules.ts';
import { isFailure } from '../src/lib/checks/run.ts';
import { checkEdited, type Edit, type Located } from './support/edited-content.ts';

const registered = new Map(RULES.map((r) => [r.id, r]));

/** The report an edit belongs to: content/<office>/<year>/<slug>.(yaml|md) → <office>/<year>/<slug>. */
const reportOf = (file: string) => file.replace(/^content\//, '').replace(/\.(yaml|md)$/, '');

type Checked = ReturnType<typeof checkEdited>;
let committed: Checked | undefined;
/** Every state the examples checked, the committed content (the passing state of most) once. */
const states = new Set<Checked>();
function checked(edits: Edit[]): Checked {
  const state = edits.length ? checkEdited(edits) : (committed ??= checkEdited([]));
  states.add(state);
  return state;
}

for (const rule of RULES) {
  const { pass = [], fail, at } = rule.examples;
  test(`${rule.id}: passes, then fails at the edited line`, () => {
    const report = reportOf(fail.at(-1)!.file);
    const failures = (findings: Located[]) =>
      findings.filter((f) => f.rule === rule.id && f.report === report && isFailure(f));

    const passing = checked(pass);
    assert.deepEqual(passing.errors, []);
    assert.deepEqual(
      failures(passing.findings).map((f) => f.subject),
      [],
      'no error in the passing state',
    );

    const failing = checked([...pass, ...fail]);
    assert.deepEqual(failing.errors, []);
    const edited = failing.changed.at(-1)!;
    const line = at
      ? readFileSync(edited.file, 'utf8')
          .split('\n')
          .findIndex((l) => l.includes(at)) + 1
      : edited.line;
    const found = failures(failing.findings);
    assert.ok(
      found.some((f) => f.where.some((w) => w.file === edited.file && w.line === line)),
      `an error at ${edited.file}:${line}; got ${found.map((f) => `${f.subject} at ${f.where.map((w) => `${w.file}:${w.line}`).join(', ')}`).join(' | ') || 'none'}`,
    );
  });
}

/** A string of the checks' code that names rule ids, e.g. 'fa.t01.balance' or `fa.${id}.row-sum`. */
const ID = /(['`])((?:fa|pe|bd|prose|ack)\.[^'`\s]*[a-z0-9])\1/g;
/** The ids such a string can make: a template's `${…}` stands for any id segment (t02, t03…). */
const idPattern = (text: string) =>
  new RegExp(`^${text.replaceAll('.', '\\.').replace(/\$\{[^}]*\}/g, '[a-z0-9-]+')}$`);

test('the registry lists every rule the checks can report, each once, and no other', () => {
  const ids = RULES.map((r) => r.id);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
    'listed twice',
  );
  const source = readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && f !== 'lib/checks/rules.ts')
    .map((f) => readFileSync(`src/${f}`, 'utf8'))
    .join('\n');
  const named = [...source.matchAll(ID)].map((m) => m[2]);
  const patterns = named.map(idPattern);
  for (const [i, pattern] of patterns.entries())
    assert.ok(
      ids.some((id) => pattern.test(id)),
      `src/ reports ${named[i]}: add it to src/lib/checks/rules.ts`,
    );
  assert.deepEqual(
    ids.filter((id) => !patterns.some((p) => p.test(id))),
    [],
    'in rules.ts, but no check reports it',
  );
});

test('whatever the examples report is a registered rule; one registered as error never notes', () => {
  checked([]);
  const wrong = new Set<string>();
  for (const { findings } of states)
    for (const f of findings) {
      const rule = registered.get(f.rule);
      if (!rule) wrong.add(`${f.rule} is not in src/lib/checks/rules.ts (${f.report}: ${f.subject})`);
      else if (rule.severity === 'error' && f.severity === 'note')
        wrong.add(`${f.rule} is registered as 'error' but noted ${f.report}: ${f.subject}`);
    }
  assert.deepEqual([...wrong], []);
});
