import type { Office, Report } from '../content/load.ts';
import { hasOpenData, publishedFiles, reportPackage } from './package.ts';
import { compareData, officeData, pageFiles, type PageData } from './site-wide.ts';
import { BULK_URL, DESCRIPTOR, dataDir, zipName } from './urls.ts';
import { deterministicZip } from './zip.ts';

/** The site's open data: every report's package with its files and sizes (the /data/ page and catalog.json). */

interface CatalogEntry {
  id: string;
  office: string;
  year: number;
  title: string;
  kind: string;
  page: string;
  datapackage: string;
  zip: { url: string; bytes: number };
  /** Every file of the report's data folder but the zip, with its size. */
  files: CatalogFile[];
  /** All the report's downloads together (its files and its zip). */
  totalBytes: number;
}

/** A downloadable file of the catalogue, with its size. */
export interface CatalogFile {
  name: string;
  url: string;
  bytes: number;
}

/** A page's own data that is no report's: the /compare/ page's, an office page's. */
interface SiteWideEntry {
  /** compare, or the office's slug. */
  id: string;
  title: string;
  page: string;
  files: CatalogFile[];
  totalBytes: number;
}

interface Catalog {
  title: string;
  description: string;
  bulk: { url: string; bytes: number };
  /** The comparison across offices and each office's figures over the years (derived tables and charts). */
  siteWide: SiteWideEntry[];
  reports: CatalogEntry[];
}

const cache = new WeakMap<readonly Report[], Promise<{ catalog: Catalog; bulk: Uint8Array }>>();

/** The /compare/ page's data, then each office's (in content order), where the page has any. */
async function siteWide(offices: readonly Office[], reports: readonly Report[], site: string) {
  const byOffice = new Map<string, Report[]>();
  for (const r of reports) {
    const list = byOffice.get(r.office);
    if (list) list.push(r);
    else byOffice.set(r.office, [r]);
  }
  const pages: PageData[] = [
    compareData(offices, reports),
    ...offices.map((o) => officeData(o, byOffice.get(o.slug) ?? [])),
  ];
  const built = await Promise.all(pages.map(async (d) => ({ d, files: await pageFiles(d, site) })));
  return built
    .filter((b) => b.files.length > 0)
    .map(({ d, files }) => ({
      entry: {
        id: d.id,
        title: d.title,
        page: d.page,
        files: files.map((f) => ({ name: f.path, url: `${d.dir}${f.path}`, bytes: f.bytes.byteLength })),
        totalBytes: files.reduce((n, f) => n + f.bytes.byteLength, 0),
      } satisfies SiteWideEntry,
      // In the bulk zip: compare/… and <office>/… (beside the office's <year>/<report>/ folders).
      zipped: files.map((f) => ({ path: `${d.id}/${f.path}`, bytes: f.bytes })),
    }));
}

async function build(offices: readonly Office[], reports: readonly Report[], site: string) {
  const packages = (await Promise.all(reports.map((r) => reportPackage(r, site)))).filter(hasOpenData);
  const entries = packages.map((p): CatalogEntry => {
    const r = p.report;
    const files = p.files.map((f) => ({
      name: f.path,
      url: `${dataDir(r)}${f.path}`,
      bytes: f.bytes.byteLength,
    }));
    return {
      id: r.id,
      office: r.office,
      year: r.data.year,
      title: r.data.title,
      kind: r.data.kind,
      page: `/offices/${r.id}/`,
      datapackage: `${dataDir(r)}${DESCRIPTOR}`,
      zip: { url: `${dataDir(r)}${zipName(r)}`, bytes: p.zip.bytes.byteLength },
      files,
      totalBytes: publishedFiles(p).reduce((n, f) => n + f.bytes.byteLength, 0),
    };
  });
  // The bulk download: every report's package in its folder <office>/<year>/<report>/.
  const derived = await siteWide(offices, reports, site);
  const bulk = deterministicZip([
    ...derived.flatMap((d) => d.zipped),
    ...packages.flatMap((p) => p.files.map((f) => ({ path: `${p.report.id}/${f.path}`, bytes: f.bytes }))),
  ]);
  const catalog: Catalog = {
    title: '公开数据目录',
    description:
      '各报告的表格与图表数据：CSV、JSON、Excel（官方表样），每份报告一个数据包（Frictionless Data Package v2）和一个 ZIP；另有机构对比表、各机构历年主要数字及其图表的数据。',
    bulk: { url: BULK_URL, bytes: bulk.byteLength },
    siteWide: derived.map((d) => d.entry),
    reports: entries,
  };
  return { catalog, bulk };
}

/** The catalogue and the bulk zip, built once per build from the reports' cached packages. */
export function openData(
  { offices, reports }: { offices: readonly Office[]; reports: readonly Report[] },
  site: string,
) {
  let p = cache.get(reports);
  if (!p) cache.set(reports, (p = build(offices, reports, site)));
  return p;
}
