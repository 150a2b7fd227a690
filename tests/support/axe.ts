import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type Axe = {
  run(o: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
};

/** axe-core's WCAG 2.1 AA violations on the page as it is now, one line each (rule, help, first nodes). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: Axe }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // A best-practice rule, not tagged WCAG: a box named only by its title or placeholder.
      rules: { 'label-title-only': { enabled: true } },
    });
    return r.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('; ')})`,
    );
  });
}
