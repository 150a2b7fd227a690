/**
 * Chinese text on a built page renders with real glyphs, not tofu. Two different characters of a
 * report's title are drawn in the title's own font, side by side with U+E000, a private-use code
 * point that no installed font draws and so can only render as the missing-glyph box. Without a
 * CJK font the two characters would be that same box: all three images would be equal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { useBrowser } from './support/browser.ts';

const site = useBrowser();
const PAGE = '/offices/huaihua-beijing/2022/final-accounts/';
const TOFU = '\uE000';

/** Pixels that differ between two equally sized screenshots. */
function difference(a: Buffer, b: Buffer): number {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  assert.deepEqual([x.width, x.height], [y.width, y.height], 'same-sized glyph boxes');
  return pixelmatch(x.data, y.data, null, x.width, x.height, { threshold: 0.1, includeAA: true });
}

test('Chinese characters of a report title render as distinct glyphs, not boxes', async () => {
  const page = await site.browser().newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(site.base() + PAGE, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    // Boxes inside the <h1>, so each character inherits the heading's font, size and weight;
    // fixed at whole pixels, so the three screenshots have the same size and alignment.
    const SIZE = 64;
    const chars = await page.evaluate(
      ([tofu, size]) => {
        const h1 = document.querySelector('h1')!;
        const cjk = [...new Set(h1.textContent!.match(/[\u4e00-\u9fff]/g))].slice(0, 2);
        [...cjk, tofu].forEach((c, i) => {
          const box = document.createElement('span');
          box.textContent = c;
          box.style.cssText =
            `position:fixed;top:0;left:${i * size}px;width:${size}px;height:${size}px;` +
            `line-height:${size}px;text-align:center;overflow:hidden;color:#000;background:#fff;z-index:9`;
          h1.append(box);
        });
        return cjk;
      },
      [TOFU, SIZE] as const,
    );
    assert.equal(chars.length, 2, 'the title has two different Chinese characters');
    const shot = (i: number) => page.screenshot({ clip: { x: i * SIZE, y: 0, width: SIZE, height: SIZE } });
    const [first, second, tofu] = [await shot(0), await shot(1), await shot(2)];
    const MIN = 20;
    const pairs: [string, Buffer, Buffer][] = [
      [`${chars[0]} vs ${chars[1]}`, first, second],
      [`${chars[0]} vs U+E000`, first, tofu],
      [`${chars[1]} vs U+E000`, second, tofu],
    ];
    for (const [what, a, b] of pairs) {
      const differing = difference(a, b);
      assert.ok(differing >= MIN, `${what}: ${differing} pixels differ; a CJK font draws them differently`);
    }
  } finally {
    await page.close();
  }
});
