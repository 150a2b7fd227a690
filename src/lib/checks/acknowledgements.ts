import type { Acknowledgement, AcknowledgedValues } from '../content/schema/acknowledgement.ts';
import type { Finding } from './findings.ts';

/*
 * An acknowledgement silences one finding of a published inconsistency: the one with its rule and
 * subject, and only while the finding has the values the acknowledgement records. When the data
 * changes, so does the finding, and the acknowledgement goes stale: someone must look at the
 * source again and confirm the new values (or delete the acknowledgement).
 */

export interface CheckedFinding extends Finding {
  acknowledged?: Acknowledgement;
}

const STALE = 'ack.stale';

/** A YAML single-quoted scalar: the value stays text, whatever it looks like. */
const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** The values as they are written in the YAML, ready to paste. */
function showValues(v: { expected?: string; actual?: string } | undefined): string {
  const parts = (['expected', 'actual'] as const)
    .filter((k) => v?.[k] !== undefined)
    .map((k) => `${k}: ${quote(v![k]!)}`);
  return parts.length ? `{ ${parts.join(', ')} }` : '（无数值）';
}

const findingValues = (f: Finding) => ({
  ...(f.expected !== undefined ? { expected: f.expected } : {}),
  ...(f.actual !== undefined ? { actual: f.actual } : {}),
});

const sameValues = (recorded: AcknowledgedValues | undefined, f: Finding) =>
  recorded?.expected === f.expected && recorded?.actual === f.actual;

function stale(a: Acknowledgement, i: number, message: string, at: 'values' | null, now?: Finding): Finding {
  return {
    rule: STALE,
    severity: 'error',
    subject: `${a.rule} ${a.subject}`,
    message: `这条确认（${a.rule}：${a.subject}）${message}`,
    ...(now ? { expected: showValues(findingValues(now)), actual: showValues(a.values) } : {}),
    refs: [{ path: at && a.values ? ['acknowledgements', i, at] : ['acknowledgements', i] }],
  };
}

/** Applies a report's acknowledgements to its findings; adds an `ack.stale` error for each that binds to none. */
export function acknowledge(
  findings: readonly Finding[],
  acks: readonly Acknowledgement[],
): CheckedFinding[] {
  const key = (x: { rule: string; subject: string }) => `${x.rule}\u0000${x.subject}`;
  const first = new Map<string, number>();
  acks.forEach((a, i) => {
    if (!first.has(key(a))) first.set(key(a), i);
  });
  const matched = new Set<number>();
  const changed = new Map<number, Finding>();
  const out: CheckedFinding[] = findings.map((f) => {
    const i = first.get(key(f));
    if (i === undefined) return f;
    if (!sameValues(acks[i].values, f)) {
      if (!changed.has(i)) changed.set(i, f);
      return f;
    }
    matched.add(i);
    return { ...f, acknowledged: acks[i] };
  });
  acks.forEach((a, i) => {
    const original = first.get(key(a))!;
    if (original !== i) out.push(stale(a, i, `与第 ${original + 1} 条确认重复：删去这一条`, null));
    else if (matched.has(i)) return;
    else if (changed.has(i)) {
      const now = changed.get(i)!;
      out.push(
        a.values
          ? stale(
              a,
              i,
              `写于数值 ${showValues(a.values)}，检查结果现在是 ${showValues(findingValues(now))}：数据已改，对照原文重新确认后把 values 改为新值，或删去这条确认`,
              'values',
              now,
            )
          : stale(
              a,
              i,
              `没有记录它所确认的数值：对照原文确认后加上 values: ${showValues(findingValues(now))}`,
              null,
              now,
            ),
      );
    } else out.push(stale(a, i, '没有对应的检查结果：数据已改或主题写错，删除或改正它', null));
  });
  return out;
}
