import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentError } from './errors.ts';
import type { Position } from './yaml.ts';

/**
 * The archived source documents (sources/<office>/<year>/<name>.txt): each report's source of
 * record, named in its YAML `source` block with the sha256 of its bytes.
 */

/** Archive paths are relative to the project root, the directory that holds content/. */
export const archiveFile = (projectRoot: string, archive: string) => join(projectRoot, archive);

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** sha256 of each archived file, or undefined when it is missing; each file is read once, since reports may share a document. */
export function archiveDigests(projectRoot: string): (archive: string) => string | undefined {
  const digests = new Map<string, string | undefined>();
  return (archive) => {
    if (!digests.has(archive)) {
      let digest: string | undefined;
      try {
        digest = sha256(readFileSync(archiveFile(projectRoot, archive)));
      } catch {
        digest = undefined;
      }
      digests.set(archive, digest);
    }
    return digests.get(archive);
  };
}

/** The `source` block against its archive: the file exists and its bytes hash to `sha256`. */
export function checkArchive(
  source: { archive: string; sha256: string },
  digest: (archive: string) => string | undefined,
  file: string,
  locate: (path: readonly PropertyKey[]) => Position,
): ContentError[] {
  const actual = digest(source.archive);
  if (actual === undefined)
    return [
      {
        file,
        ...locate(['source', 'archive']),
        message: `找不到原文存档 ${source.archive}：恢复原文（把发布的原文逐字节原样放回此路径），或改正 source.archive 的路径`,
      },
    ];
  if (actual !== source.sha256)
    return [
      {
        file,
        ...locate(['source', 'sha256']),
        message: `原文存档 ${source.archive} 的 sha256 为 ${actual}，与 source.sha256 不符：原文被误改时恢复原文（git checkout -- ${source.archive}）；确实换了新的原文时重新计算 sha256（sha256sum ${source.archive}）并写入此处`,
      },
    ];
  return [];
}
