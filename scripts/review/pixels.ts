/**
 * Two full-page screenshots compared pixel by pixel (pixelmatch), and cut down to the bands that
 * changed plus a margin, so the images written cost as much as the change, not the page.
 */
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

/** Around the changed pixels, in CSS px (screenshots are taken at device scale 1). */
const MARGIN = 48;
/** Height of the images written: a change that moves everything below it would otherwise keep the whole page. */
const MAX_HEIGHT = 2400;
/** Between two stacked bands. */
const SEPARATOR = 6;
/** Lighter in head (something removed or lightened) and darker in head (something added). */
const REMOVED: [number, number, number] = [220, 0, 0];
const ADDED: [number, number, number] = [0, 140, 0];
/** How much of the base page shows, greyed, behind the changed pixels of the diff image. */
const BACKGROUND = 0.1;

interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Comparison {
  changedRatio: number;
  /** The parts of the page the images show, top to bottom; empty when no pixel differs. */
  regions: Region[];
  images: { base: Buffer; head: Buffer; diff: Buffer } | null;
}

/** The image on a white canvas of the given size, so pages of different heights line up at the top. */
function padded(image: PNG, width: number, height: number): PNG {
  if (image.width === width && image.height === height) return image;
  const canvas = new PNG({ width, height });
  canvas.data.fill(255);
  PNG.bitblt(image, canvas, 0, 0, image.width, image.height, 0, 0);
  return canvas;
}

/**
 * The changed parts of the page as bands the page's width (a cell alone, without its row and
 * column, says little): rows with changed pixels (marked in the mask), grouped while the gap
 * between them is under two margins, plus a margin above and below. A figure that changes in a
 * chart and in a table far below gives two short bands, not the page between them.
 */
function changedBands(mask: Uint32Array, width: number, height: number): Region[] {
  const rows: [number, number][] = [];
  for (let y = 0; y < height; y++) {
    const row = mask.subarray(y * width, (y + 1) * width);
    if (!row.some((pixel) => pixel !== 0)) continue;
    const last = rows.at(-1);
    if (last && y - last[1] <= 2 * MARGIN) last[1] = y;
    else rows.push([y, y]);
  }
  return rows.map(([top, bottom]) => {
    const y = Math.max(0, top - MARGIN);
    return { x: 0, y, width, height: Math.min(height, bottom + 1 + MARGIN, y + MAX_HEIGHT) - y };
  });
}

/** The first bands that fit in MAX_HEIGHT (the first always, capped), top to bottom. */
function within(bands: Region[]): Region[] {
  const kept: Region[] = [];
  let height = 0;
  for (const band of bands) {
    if (kept.length && height + SEPARATOR + band.height > MAX_HEIGHT) break;
    height += (kept.length ? SEPARATOR : 0) + band.height;
    kept.push(band);
  }
  return kept;
}

/** Paints one row of a region, from page row `y`, into `out` at byte `at`. */
type RowPainter = (region: Region, y: number, out: Buffer, at: number) => void;

/**
 * The regions stacked top to bottom, a grey rule between them, as one PNG; `paint` copies a row
 * (of a screenshot, or of the diff's marks over a greyed page).
 */
function stack(regions: Region[], paint: RowPainter): Buffer {
  const width = Math.max(...regions.map((r) => r.width));
  const height = regions.reduce((sum, r) => sum + r.height, 0) + SEPARATOR * (regions.length - 1);
  const out = new PNG({ width, height });
  out.data.fill(255);
  let top = 0;
  for (const [i, region] of regions.entries()) {
    if (i > 0) {
      for (let at = top * width * 4; at < (top + SEPARATOR) * width * 4; at += 4)
        out.data.set([160, 160, 160], at);
      top += SEPARATOR;
    }
    for (let y = 0; y < region.height; y++) paint(region, region.y + y, out.data, (top + y) * width * 4);
    top += region.height;
  }
  return PNG.sync.write(out);
}

const copy =
  (image: PNG): RowPainter =>
  (region, y, out, at) => {
    const from = (y * image.width + region.x) * 4;
    image.data.copy(out, at, from, from + region.width * 4);
  };

const marks =
  (base: PNG, mask: Uint8Array): RowPainter =>
  (region, y, out, at) => {
    for (let x = 0; x < region.width; x++, at += 4) {
      const from = (y * base.width + region.x + x) * 4;
      if (mask[from + 3]) {
        out.set(mask.subarray(from, from + 3), at);
        continue;
      }
      const [r, g, b] = [base.data[from], base.data[from + 1], base.data[from + 2]];
      out[at] = out[at + 1] = out[at + 2] = 255 + (r * 0.299 + g * 0.587 + b * 0.114 - 255) * BACKGROUND;
    }
  };

export function comparePngs(basePng: Buffer, headPng: Buffer): Comparison {
  // Chromium encodes the same pixels to the same bytes: most unchanged widths end here, undecoded.
  if (basePng.equals(headPng)) return { changedRatio: 0, regions: [], images: null };
  const [base, head] = [PNG.sync.read(basePng), PNG.sync.read(headPng)];
  const width = Math.max(base.width, head.width);
  const height = Math.max(base.height, head.height);
  const [left, right] = [padded(base, width, height), padded(head, width, height)];
  const mask = new Uint8Array(width * height * 4);
  const changed = pixelmatch(left.data, right.data, mask, width, height, {
    threshold: 0.1,
    diffColor: REMOVED,
    diffColorAlt: ADDED,
    diffMask: true,
  });
  const changedRatio = changed / (width * height);
  const regions = changed ? within(changedBands(new Uint32Array(mask.buffer), width, height)) : [];
  if (!regions.length) return { changedRatio, regions, images: null };
  return {
    changedRatio,
    regions,
    images: {
      base: stack(regions, copy(left)),
      head: stack(regions, copy(right)),
      diff: stack(regions, marks(left, mask)),
    },
  };
}

/** The top of a page that only one side has, at most MAX_HEIGHT tall. */
export function topOf(png: Buffer): { regions: Region[]; image: Buffer } {
  const image = PNG.sync.read(png);
  const regions = [{ x: 0, y: 0, width: image.width, height: Math.min(image.height, MAX_HEIGHT) }];
  return { regions, image: stack(regions, copy(image)) };
}
