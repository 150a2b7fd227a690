/**
 * The shape of src/lib: no import cycle, between files or between its modules (each directory
 * directly under src/lib, and each file directly in it), and no Astro, so that the domain logic
 * stays plain TypeScript that scripts and tests load as they are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const LIB = resolve('src/lib');

const files = readdirSync(LIB, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(LIB, f))
  .sort();

/** The specifiers of a file's static `import … from` and `export … from` statements, type-only ones too. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((s) =>
    (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) &&
    s.moduleSpecifier &&
    ts.isStringLiteral(s.moduleSpecifier)
      ? [s.moduleSpecifier.text]
      : [],
  );
}

const name = (file: string) => relative(LIB, file).split(sep).join('/');
/** A directory directly under src/lib, or a file directly in it. */
const moduleOf = (file: string) => name(file).split('/')[0];

/** Edges between src/lib's files: a file's relative imports that are files of src/lib. */
const imports = new Map(
  files.map((f) => [
    f,
    specifiers(f)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(dirname(f), s))
      .filter((target) => files.includes(target)),
  ]),
);

type Graph = Map<string, string[]>;

/** One cycle through each strongly connected part of the graph that has one, each as its nodes in order. */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const parts: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const part = stack.splice(stack.indexOf(v));
      if (part.length > 1 || graph.get(v)?.includes(v)) parts.push(part);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return parts.map((part) => shortestCycle(graph, [...part].sort()[0], new Set(part)));
}

/** The shortest way from `start` back to itself within `part`, breadth first. */
function shortestCycle(graph: Graph, start: string, part: Set<string>): string[] {
  const from = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const w of graph.get(queue[i]) ?? []) {
      if (!part.has(w) || from.has(w)) continue;
      from.set(w, queue[i]);
      if (w === start) {
        const path = [start];
        for (let v = queue[i]; v !== start; v = from.get(v)!) path.unshift(v);
        return [start, ...path];
      }
      queue.push(w);
    }
  }
  throw new Error(`no cycle through ${start}`);
}

test('no file of src/lib imports itself through other files', () => {
  const found = cycles(imports).map((c) => c.map(name).join(' → '));
  assert.deepEqual(found, [], `import cycles between files of src/lib:\n${found.join('\n')}`);
});

test('no module of src/lib (a directory, or a file directly in it) imports itself through others', () => {
  const graph: Graph = new Map();
  const via = new Map<string, string>();
  for (const [file, targets] of imports)
    for (const target of targets) {
      const [a, b] = [moduleOf(file), moduleOf(target)];
      if (a === b) continue;
      graph.set(a, [...new Set([...(graph.get(a) ?? []), b])]);
      if (!via.has(`${a} ${b}`)) via.set(`${a} ${b}`, `${name(file)} → ${name(target)}`);
    }
  const found = cycles(graph).map(
    (c) =>
      `${c.join(' → ')} (${c
        .slice(1)
        .map((b, i) => via.get(`${c[i]} ${b}`))
        .join('; ')})`,
  );
  assert.deepEqual(found, [], `import cycles between modules of src/lib:\n${found.join('\n')}`);
});

test('src/lib does not import Astro', () => {
  const astro = files.flatMap((f) =>
    specifiers(f)
      .filter((s) => /^astro(?:$|[:/])/.test(s))
      .map((s) => `${name(f)}: ${s}`),
  );
  assert.deepEqual(astro, [], `src/lib imports Astro:\n${astro.join('\n')}`);
});
