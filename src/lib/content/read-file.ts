import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
} from 'node:fs';
import { sep } from 'node:path';

/**
 * Reading a file that anyone may have proposed: only a regular file, only inside its root, and
 * never more than a given number of bytes. Links are never followed, not even to stat their
 * target, so a link to /proc/self/environ or /dev/zero is refused before it is opened.
 */

/** What an entry that is neither a regular file nor a directory is, in staff's words. */
export function oddEntry(stats: Stats): string | undefined {
  if (stats.isSymbolicLink()) return '符号链接';
  if (stats.isFIFO()) return '命名管道（FIFO）';
  if (stats.isSocket()) return '套接字（socket）';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return '设备文件';
  if (!stats.isFile() && !stats.isDirectory()) return '特殊文件';
  return undefined;
}

/** The message for an odd entry: content is plain files in git, never links or devices. */
export const oddEntryMessage = (name: string, what: string) =>
  what === '符号链接'
    ? `${name} 是符号链接：内容目录只接受普通文件和目录，请换成文件本身（不要提交链接）`
    : `${name} 是${what}：内容目录只接受普通文件和目录，请删去它，换成普通文件`;

export const kibibytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

type ReadResult =
  | { bytes: Buffer }
  | { missing: true }
  /** A Chinese message naming what is wrong, without the file name. */
  | { refused: string }
  | { tooBig: number };

const isInside = (path: string, root: string) => path === root || path.startsWith(root + sep);

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

/**
 * The bytes of `path` if it is a regular file whose real path is inside `root` and whose size is
 * at most `maxBytes`. The size is checked on the open file before reading, and the read stops
 * one byte past the limit, so a file that grows or lies about its size is refused as well.
 */
export function readCapped(path: string, root: string, maxBytes: number): ReadResult {
  try {
    return readRegular(path, root, maxBytes);
  } catch (e) {
    // A file removed, or a disk error, while it is read: a message, never a stack trace.
    return { refused: `无法读取（${code(e) ?? '未知错误'}）` };
  }
}

function readRegular(path: string, root: string, maxBytes: number): ReadResult {
  let before: Stats;
  try {
    before = lstatSync(path);
  } catch (e) {
    if (code(e) === 'ENOENT' || code(e) === 'ENOTDIR') return { missing: true };
    return { refused: `无法读取（${code(e) ?? '未知错误'}）` };
  }
  const odd = oddEntry(before);
  if (odd) return { refused: `是${odd}` };
  if (!before.isFile()) return { refused: '是目录，不是文件' };
  if (!isInside(realpathSync(path), realpathSync(root)))
    return { refused: '位于内容目录之外（路径中有链接）' };

  let fd: number;
  try {
    // O_NOFOLLOW: a link swapped in since the lstat is not followed; O_NONBLOCK: nor does a FIFO hang.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    return { refused: code(e) === 'ELOOP' ? '是符号链接' : `无法打开（${code(e) ?? '未知错误'}）` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.ino !== before.ino || stats.dev !== before.dev)
      return { refused: '在读取时被换成了别的文件' };
    if (stats.size > maxBytes) return { tooBig: stats.size };
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length > maxBytes) return { tooBig: length };
        return readCappedGrowing(fd, buffer, maxBytes);
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return { bytes: buffer.subarray(0, length) };
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** The rare file that holds more than fstat said (a file still being written): read on up to the cap. */
function readCappedGrowing(fd: number, start: Buffer, maxBytes: number): ReadResult {
  const buffer = Buffer.alloc(maxBytes + 1);
  start.copy(buffer);
  let length = start.length;
  while (length < buffer.length) {
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return { bytes: buffer.subarray(0, length) };
    length += n;
  }
  return { tooBig: length };
}
