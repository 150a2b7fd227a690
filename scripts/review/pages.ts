/**
 * The built pages of the two sides compared file by file (a page is changed when its bytes
 * differ), each changed page explained by the data changes that show on it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Content } from '../../src/lib/content/load.ts';
import type { OfficeDiff, PageDiff, ReportDiff, Status } from '../../src/lib/review/types.ts';

/** Pagefind's index: any text change rewrites its fragments, so it is summarised, not listed. */
const SEARCH_INDEX = 'pagefind/';

function files(dir: string): Set<string> {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return new Set(names.filter((f) => statSync(join(dir, f)).isFile()).map((f) => f.split('\\').join('/')));
}

/** URL path of a built HTML file: dir/index.html → /dir/, anything else as it is. */
const urlOf = (file: string) => `/${file}`.replace(/(^|\/)index\.html$/, '$1');

interface Compared {
  pages: PageDiff[];
  files: { path: string; status: Status }[];
  searchIndexChanged: boolean;
}

interface DataDiff {
  reports: ReportDiff[];
  offices: OfficeDiff[];
}

/** The two sides' content, to tell which changed reports appear on a page. */
interface Sides {
  base: Content;
  head: Content;
}

const REPORT_PAGE = /^\/offices\/([^/]+)\/(\d{4})\/([^/]+)\/$/;
const OFFICE_PAGE = /^\/offices\/([^/]+)\/$/;

/** Pages that list every office or report. */
const OVERVIEW_PAGES = ['/', '/offices/', '/compare/', '/data/'];

/** A report whose own files changed, as opposed to one whose check findings alone moved (with its 决算). */
const edited = (r: ReportDiff) =>
  r.status !== 'changed' || r.cells.length + r.meta.length + r.narrative.length > 0;

/**
 * The changes that explain a page: a report page its own report (findings included: its 数据说明
 * lists them); an office page the office's edited reports and its office.yaml; the overview pages
 * (/, /offices/, /compare/, /data/) every edited report and every changed office, since they list them
 * all; the glossary the edited reports that have a glossary. Any other page (about, search, 404)
 * shows no report, so nothing in the data explains it.
 */
function pageCauses(url: string, data: DataDiff, sides: Sides): string[] {
  const reports = data.reports.filter(edited).map((r) => r.id);
  const offices = data.offices.map((o) => o.id);
  const report = REPORT_PAGE.exec(url);
  if (report) {
    const id = `${report[1]}/${report[2]}/${report[3]}`;
    return data.reports.some((r) => r.id === id) ? [id] : [];
  }
  const office = OFFICE_PAGE.exec(url);
  if (office)
    return [
      ...offices.filter((id) => id === office[1]),
      ...reports.filter((id) => id.startsWith(`${office[1]}/`)),
    ];
  if (OVERVIEW_PAGES.includes(url)) return [...offices, ...reports];
  if (url === '/glossary/') {
    const withGlossary = new Set(
      [...sides.base.reports, ...sides.head.reports]
        .filter((r) => 'glossary' in r.data && r.data.glossary)
        .map((r) => r.id),
    );
    return reports.filter((id) => withGlossary.has(id));
  }
  return [];
}

export function comparePages(baseDist: string, headDist: string, data: DataDiff, sides: Sides): Compared {
  const before = files(baseDist);
  const after = files(headDist);
  const all = [...new Set([...before, ...after])].sort();
  const status = (file: string): Status | null => {
    if (!before.has(file)) return 'added';
    if (!after.has(file)) return 'removed';
    return readFileSync(join(baseDist, file)).equals(readFileSync(join(headDist, file))) ? null : 'changed';
  };
  const result: Compared = { pages: [], files: [], searchIndexChanged: false };
  for (const file of all) {
    const change = status(file);
    if (!change) continue;
    if (file.startsWith(SEARCH_INDEX)) result.searchIndexChanged = true;
    else if (file.endsWith('.html')) {
      const url = urlOf(file);
      result.pages.push({ url, status: change, causes: pageCauses(url, data, sides) });
    } else result.files.push({ path: file, status: change });
  }
  return result;
}
