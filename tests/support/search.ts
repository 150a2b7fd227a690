import type { Page } from 'playwright-core';

export const RESULT_LINKS =
  '.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link';

/** Runs a query from the header search box of the site at `base` and returns the result pages in order. */
export async function search(page: Page, base: string, q: string): Promise<string[]> {
  await page.goto(`${base}/`);
  await page.fill('#site-q', q);
  await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('#site-q', 'Enter')]);
  // The UI announces how many results it found, then fills them in: wait until all are there.
  await page.waitForFunction(
    (selector) => {
      const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
      if (/没有|未找到/.test(message)) return true;
      const n = /(\d+)/.exec(message);
      if (!n) return false;
      const links = [...document.querySelectorAll(selector)] as HTMLAnchorElement[];
      return links.length === Math.min(Number(n[1]), 10) && links.every((a) => a.getAttribute('href'));
    },
    RESULT_LINKS,
    { timeout: 15_000 },
  );
  return page.$$eval(RESULT_LINKS, (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
}
