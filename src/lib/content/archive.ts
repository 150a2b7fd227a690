import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ContentError } from './errors.ts';
import type { Position } from './yaml.ts';
import { MAX_BYTES } from './limits.ts';
import { kibibytes, oddEntry, readCapped } from './read-file.ts';

/**
 * The archived source documents (sources/<office>/<year>/<name>.txt): each report's source of
 * record, named in its YAML `source` block with the sha256 of its bytes.
 */

/** Archive paths are relative to the project root, the directory that holds content/. */
export const archiveFile = (projectRoot: string, archive: string) => join(projectRoot, archive);

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An archive's sha256, or why it could not be read. */
export type ArchiveDigest = { sha256: string } | { missing: true } | { refused: string } | { tooBig: number };

/**
 * Why a directory on the way from sources/ to the archive is not a plain directory: a linked
 * directory would let a report name any file on the machine.
 */
function pathProblem(projectRoot: string, archive: string): ArchiveDigest | undefined {
  const sources = resolve(projectRoot, 'sources');
  const file = resolve(projectRoot, archive);
  if (!file.startsWith(sources + sep)) return { refused: '不在 sources/ 之内' };
  const dirs = relative(sources, file).split(sep).slice(0, -1);
  for (let i = 0; i <= dirs.length; i++) {
    const dir = join(sources, ...dirs.slice(0, i));
    try {
      const stats = lstatSync(dir);
      const odd = oddEntry(stats);
      if (odd) return { refused: `所在的目录 ${relative(projectRoot, dir)} 是${odd}` };
      if (!stats.isDirectory()) return { missing: true };
    } catch {
      return { missing: true };
    }
  }
  return undefined;
}

/** sha256 of each archived file; each file is read once, since reports may share a document. */
export function archiveDigests(projectRoot: string): (archive: string) => ArchiveDigest {
  const digests = new Map<string, ArchiveDigest>();
  const read = (archive: string): ArchiveDigest => {
    const problem = pathProblem(projectRoot, archive);
    if (problem) return problem;
    const r = readCapped(archiveFile(projectRoot, archive), join(projectRoot, 'sources'), MAX_BYTES.archive);
    return 'bytes' in r ? { sha256: sha256(r.bytes) } : r;
  };
  return (archive) => {
    if (!digests.has(archive)) digests.set(archive, read(archive));
    return digests.get(archive)!;
  };
}

/** The `source` block against its archive: a plain file inside sources/ whose bytes hash to `sha256`. */
export function checkArchive(
  source: { archive: string; sha256: string },
  digest: (archive: string) => ArchiveDigest,
  file: string,
  locate: (path: readonly PropertyKey[]) => Position,
): ContentError[] {
  const actual = digest(source.archive);
  const at = (key: string, message: string): ContentError[] => [
    { file, ...locate(['source', key]), message },
  ];
  if ('missing' in actual)
    return at(
      'archive',
      `找不到原文存档 ${source.archive}：恢复原文（把发布的原文逐字节原样放回此路径），或改正 source.archive 的路径`,
    );
  if ('refused' in actual)
    return at(
      'archive',
      `原文存档 ${source.archive} ${actual.refused}：sources/ 只接受普通文件和目录，请换成原文文件本身（不要提交链接）`,
    );
  if ('tooBig' in actual)
    return at(
      'archive',
      `原文存档 ${source.archive} 有 ${kibibytes(actual.tooBig)}，超过原文存档的上限 ${kibibytes(MAX_BYTES.archive)}：发布的原文文字不会这么大，检查是否放错了文件（上限及理由见 docs/limits.md）`,
    );
  if (actual.sha256 !== source.sha256)
    return at(
      'sha256',
      `原文存档 ${source.archive} 的 sha256 为 ${actual.sha256}，与 source.sha256 不符：原文被误改时恢复原文（git checkout -- ${source.archive}）；确实换了新的原文时重新计算 sha256（sha256sum ${source.archive}）并写入此处`,
    );
  return [];
}
