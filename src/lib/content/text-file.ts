import { MAX_BYTES, MAX_TOTAL_BYTES, type FileKind } from './limits.ts';
import { kibibytes, readCapped } from './read-file.ts';
import { decodeUtf8, type TextProblem } from './decode.ts';

/** What each kind of file is called in messages. */
const KIND_NAMES: Record<FileKind, string> = {
  office: '机构文件 office.yaml',
  report: '报告 YAML',
  narrative: '正文 Markdown',
  archive: '原文存档',
};

/** Bytes still allowed to be read from content/ in this load. */
export interface ByteBudget {
  left: number;
}

type TextFile = { text: string } | { missing: true } | { problem: TextProblem; stop?: true };

/**
 * A content file as UTF-8 text: a regular file inside `root`, within its size limit and the
 * load's byte budget (`stop` when that runs out: no further file is read).
 */
export function readTextFile(path: string, root: string, kind: FileKind, budget: ByteBudget): TextFile {
  const at1 = (message: string) => ({ problem: { line: 1, col: 1, message } });
  const limit = Math.min(MAX_BYTES[kind], budget.left);
  const read = readCapped(path, root, limit);
  if ('missing' in read) return read;
  if ('refused' in read)
    return at1(
      read.refused === '是符号链接'
        ? '这个文件是符号链接：内容目录只接受普通文件，请换成文件本身（不要提交链接）'
        : read.refused.startsWith('无法')
          ? `这个文件${read.refused}`
          : `这个文件${read.refused}：内容目录只接受普通文件，请换成普通文件`,
    );
  if ('tooBig' in read) {
    if (read.tooBig <= MAX_BYTES[kind])
      return {
        ...at1(
          `读到这里，内容目录的文件合计已超过 ${kibibytes(MAX_TOTAL_BYTES)}，其余文件不再读取：一次提交的内容不会这么多；检查是否误放了大量文件（上限及理由见 docs/limits.md）`,
        ),
        stop: true,
      };
    return at1(
      `文件有 ${kibibytes(read.tooBig)}，超过${KIND_NAMES[kind]} 的上限 ${kibibytes(MAX_BYTES[kind])}，未读取：一份报告不会这么大；检查是否放错了文件或重复粘贴了内容（上限及理由见 docs/limits.md）`,
    );
  }
  budget.left -= read.bytes.length;
  const decoded = decodeUtf8(read.bytes);
  return 'problem' in decoded ? decoded : { text: decoded.text };
}
