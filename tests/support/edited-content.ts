import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadContent } from '../../src/lib/content/load.ts';
import { checkReport, locations, type CheckedFinding, type Location } from '../../src/lib/checks/run.ts';
import type { Edit } from '../../src/lib/checks/rules.ts';

export type { Edit };

export interface Located extends CheckedFinding {
  report: string;
  where: Location[];
}

/** First line (1-based) where two versions of a file differ. */
function firstChangedLine(before: string, after: string): number {
  const a = before.split('\n');
  const b = after.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1;
}

/**
 * Runs every check over a copy of content/ with the edits applied in order; `changed` gives,
 * for each edit, the file and the first line it changed. `root` is the directory that holds the
 * content/ and sources/ to copy (a fixture's, e.g. tests/fixtures/form-variants); the repository's by default.
 */
export function checkEdited(
  edits: Edit[],
  { root = '.' }: { root?: string } = {},
): {
  findings: Located[];
  errors: string[];
  changed: { file: string; line: number }[];
} {
  const changed: { file: string; line: number }[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-'));
  try {
    cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
    cpSync(join(root, 'sources'), join(dir, 'sources'), { recursive: true });
    for (const e of edits) {
      const path = join(dir, e.file);
      const text = readFileSync(path, 'utf8');
      const found = typeof e.from === 'string' ? text.includes(e.from) : e.from.test(text);
      if (!found) throw new Error(`edit target not found in ${e.file}: ${e.from}`);
      const after = text.replace(e.from, e.to);
      writeFileSync(path, after);
      changed.push({ file: e.file, line: firstChangedLine(text, after) });
    }
    const content = loadContent(join(dir, 'content'), { locations: true });
    const findings = content.reports.flatMap((r) =>
      checkReport(r, content.reports).map((f) => ({
        ...f,
        report: r.id,
        where: locations(f, r, content.reports),
      })),
    );
    return {
      findings,
      errors: content.errors.map((e) => `${e.file}:${e.line}:${e.col} ${e.message}`),
      changed,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
