import type { ContentError } from './errors.ts';
import type { OfficeData } from './schema/report.ts';
import type { Position } from './yaml.ts';

/** What the check reads of a loaded office (content/load.ts). */
interface Office {
  slug: string;
  data: Pick<OfficeData, 'name' | 'shortName'>;
  locate?: (path: readonly PropertyKey[]) => Position;
}

/*
 * One office, one directory: two directories for the same office would split its reports over
 * two pages and count it twice in the comparisons. Names are compared after NFKC (full-width and
 * half-width forms alike) and without spaces.
 */

const NAME_KEYS = ['name', 'shortName'] as const;
const normal = (s: string) => s.normalize('NFKC').replace(/\s/g, '');

/**
 * An error at each office whose full or short name another office also has, in both offices'
 * office.yaml, each naming the other.
 */
export function duplicateOffices(
  offices: readonly Office[],
  fileOf: (slug: string) => string,
): ContentError[] {
  const errors: ContentError[] = [];
  const at = (o: Office, key: string) => (o.locate ? o.locate([key]) : { line: 1, col: 1 });
  offices.forEach((a, i) =>
    offices.forEach((b, j) => {
      if (i === j) return;
      for (const key of NAME_KEYS) {
        const other = NAME_KEYS.find((k) => normal(b.data[k]) === normal(a.data[key]));
        if (other)
          errors.push({
            file: fileOf(a.slug),
            ...at(a, key),
            message: `${key} “${a.data[key]}”与 ${fileOf(b.slug)} 的 ${other} 相同：同一机构只能有一个目录，把两个目录的报告合并到一处，或改正名称`,
          });
      }
    }),
  );
  return errors;
}
