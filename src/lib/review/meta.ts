import { diffArrays } from 'diff';
import type { Position } from '../content/yaml.ts';
import { sameValue } from './same.ts';
import type { MetaChange, Place } from './types.ts';

/*
 * Fields of a report or office.yaml that are not table figures (title, source, conclusion,
 * acknowledgements, glossary, notes, office fields …), compared by their dotted path, so key
 * order and YAML style never count. Lists whose items have an identity are matched by it; lists
 * of text are aligned, so one inserted note is one change and not a shift of all that follow.
 */

type Path = (string | number)[];

interface MetaSide {
  value: unknown;
  file: string;
  locate?: (path: readonly PropertyKey[]) => Position;
}

/** Item identities by the YAML path of the list (`*`: any key or index). */
const LIST_KEYS: [string[], (item: Record<string, unknown>) => string][] = [
  [['acknowledgements'], (a) => `${a.rule} ${a.subject}`],
  [['glossary'], (g) => String(g.term)],
  [['statedFigures'], (s) => String(s.measure)],
  [['dates'], (d) => String(d.label)],
  [['staffing'], (s) => String(s.year)],
  [['staffing', '*', 'details'], (d) => String(d.label)],
  [['tables', 'base-data', 'sections'], (s) => String(s.label)],
];

const matches = (pattern: string[], path: Path) =>
  pattern.length === path.length && pattern.every((k, i) => k === '*' || k === String(path[i]));

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isScalar = (v: unknown) => v === null || typeof v !== 'object';

interface At {
  value: unknown;
  path: Path;
}

/** Items by identity; a repeated identity gets "#2", "#3" as in the row keys. */
function keyed(list: unknown[], key: (item: Record<string, unknown>) => string) {
  const out = new Map<string, { value: unknown; index: number }>();
  list.forEach((item, index) => {
    const k = key(item as Record<string, unknown>);
    let unique = k;
    for (let n = 2; out.has(unique); n++) unique = `${k}#${n}`;
    out.set(unique, { value: item, index });
  });
  return out;
}

export function diffMeta(
  base: MetaSide,
  head: MetaSide,
  skip: (path: readonly (string | number)[]) => boolean = () => false,
): MetaChange[] {
  const out: MetaChange[] = [];
  const lineIn = (side: MetaSide, path: Path) => ({ file: side.file, line: side.locate?.(path).line ?? 1 });
  const emit = (field: string, old: unknown, now: unknown, where: Place) =>
    out.push({ field, old, new: now, ...where });
  const child = (field: string, key: string | number) =>
    typeof key === 'number' ? `${field}[${key}]` : field ? `${field}.${key}` : key;

  function walk(field: string, b: At | undefined, h: At | undefined) {
    if (skip((h ?? b)!.path)) return;
    const old = b?.value ?? null;
    const now = h?.value ?? null;
    if (old === null && now === null) return;
    if (old === null || now === null) {
      emit(field, old, now, now === null ? lineIn(base, b!.path) : lineIn(head, h!.path));
      return;
    }
    if (isRecord(old) && isRecord(now)) {
      for (const k of new Set([...Object.keys(now), ...Object.keys(old)]))
        walk(
          child(field, k),
          k in old ? { value: old[k], path: [...b!.path, k] } : undefined,
          k in now ? { value: now[k], path: [...h!.path, k] } : undefined,
        );
      return;
    }
    if (Array.isArray(old) && Array.isArray(now)) {
      const identity = LIST_KEYS.find(([pattern]) => matches(pattern, h!.path))?.[1];
      if (identity && [...old, ...now].every(isRecord)) list(field, old, now, b!.path, h!.path, identity);
      else if ([...old, ...now].every(isScalar)) aligned(field, old, now, b!.path, h!.path);
      else
        for (let i = 0; i < Math.max(old.length, now.length); i++)
          walk(
            child(field, i),
            i < old.length ? { value: old[i], path: [...b!.path, i] } : undefined,
            i < now.length ? { value: now[i], path: [...h!.path, i] } : undefined,
          );
      return;
    }
    if (!sameValue(old, now)) emit(field, old, now, lineIn(head, h!.path));
  }

  function list(
    field: string,
    old: unknown[],
    now: unknown[],
    basePath: Path,
    headPath: Path,
    identity: (item: Record<string, unknown>) => string,
  ) {
    const before = keyed(old, identity);
    const after = keyed(now, identity);
    for (const k of new Set([...after.keys(), ...before.keys()])) {
      const b = before.get(k);
      const h = after.get(k);
      walk(
        `${field}[${k}]`,
        b && { value: b.value, path: [...basePath, b.index] },
        h && { value: h.value, path: [...headPath, h.index] },
      );
    }
  }

  /** Lists of text: removed and inserted items, a replaced item as one change at its head index. */
  function aligned(field: string, old: unknown[], now: unknown[], basePath: Path, headPath: Path) {
    let [bi, hi] = [0, 0];
    let removed: unknown[] = [];
    const flush = (added: unknown[]) => {
      const paired = Math.min(removed.length, added.length);
      for (let j = 0; j < Math.max(removed.length, added.length); j++) {
        if (j < paired) emit(child(field, hi + j), removed[j], added[j], lineIn(head, [...headPath, hi + j]));
        else if (j < removed.length)
          emit(
            child(field, bi - removed.length + j),
            removed[j],
            null,
            lineIn(base, [...basePath, bi - removed.length + j]),
          );
        else emit(child(field, hi + j), null, added[j], lineIn(head, [...headPath, hi + j]));
      }
      hi += added.length;
      removed = [];
    };
    for (const part of diffArrays(old, now)) {
      if (part.removed) {
        removed = part.value;
        bi += part.count;
      } else if (part.added) flush(part.value);
      else {
        flush([]);
        bi += part.count;
        hi += part.count;
      }
    }
    flush([]);
  }

  walk('', { value: base.value, path: [] }, { value: head.value, path: [] });
  return out;
}
