/*
 * ExcelJS zips the workbook with JSZip, which stamps every entry with the current time; the same
 * report must give the same bytes on every build. This rewrites the stamps in place, in the
 * local headers and the central directory (the checksums cover the data only, so they still hold).
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** 1980-01-01 00:00:00, the earliest time a zip entry can carry. */
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;

export function fixZipDates(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const end = findEnd(view);
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error('zip: central directory entry expected');
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error('zip: local header expected');
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** The end-of-central-directory record: the last 22 bytes, or further back when there is a comment. */
function findEnd(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--)
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  throw new Error('zip: end of central directory not found');
}
