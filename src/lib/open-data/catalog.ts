import type { Report } from '../content/load.ts';
import { hasOpenData, publishedFiles, reportPackage } from './package.ts';
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
  files: { name: string; url: string; bytes: number }[];
  /** All the report's downloads together (its files and its zip). */
  totalBytes: number;
}

interface Catalog {
  title: string;
  description: string;
  bulk: { url: string; bytes: number };
  reports: CatalogEntry[];
}

const cache = new WeakMap<readonly Report[], Promise<{ catalog: Catalog; bulk: Uint8Array }>>();

async function build(reports: readonly Report[], site: string) {
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
  const bulk = deterministicZip(
    packages.flatMap((p) => p.files.map((f) => ({ path: `${p.report.id}/${f.path}`, bytes: f.bytes }))),
  );
  const catalog: Catalog = {
    title: '公开数据目录',
    description:
      '各报告的表格与图表数据：CSV、JSON、Excel（官方表样），每份报告一个数据包（Frictionless Data Package v2）和一个 ZIP。',
    bulk: { url: BULK_URL, bytes: bulk.byteLength },
    reports: entries,
  };
  return { catalog, bulk };
}

/** The catalogue and the bulk zip, built once per build from the reports' cached packages. */
export function openData(reports: readonly Report[], site: string) {
  let p = cache.get(reports);
  if (!p) cache.set(reports, (p = build(reports, site)));
  return p;
}
