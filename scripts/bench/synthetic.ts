/**
 * Synthetic content for `npm run bench`: the committed offices of content/ copied until there are
 * at least N reports, each copy a new office (slug `<office>-s<copy>`, name and short name marked
 * （样本<copy>）, as names must stay unique across the site). Every figure, row, paragraph and
 * acknowledgement is kept, so `npm run check` passes on the copies as on the originals. The
 * narratives differ per copy: after some of their paragraphs, new paragraphs are inserted, made of
 * sentences without digits taken from all committed narratives and mixed differently per copy, so
 * the search index sees text that varies from report to report, not N identical pages. No
 * existing paragraph is moved, dropped or changed: the prose checks read sentences in their
 * paragraphs, and acknowledgements name the findings those sentences give.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A claim of staying within budget is checked even without a number: never inserted. */
const CLAIM_RE = /控制在|未超|以内|之内/;
/** ASCII that Markdown could read as markup, and placeholders the check rejects. */
const UNSAFE_RE = /[0-9０-９*_[\]!<>&`\\:(){}#|~^=+-]|待填/;
const SENTENCE_RE = /[^。！？]+[。！？]/g;

/** The narratives' paragraphs (not headings, directives or tables), as the blank-line blocks of the .md. */
const paragraphs = (markdown: string) =>
  markdown
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter((b) => b && !/^(#|::|\||>|[-*+] )/.test(b));

/** Every sentence of the narratives under `root` that has no digit and makes no checkable claim. */
function sentencePool(root: string): string[] {
  const pool = new Set<string>();
  for (const file of markdownFiles(root))
    for (const p of paragraphs(readFileSync(file, 'utf8')))
      for (const [s] of p.replace(/\s*\n\s*/g, '').matchAll(SENTENCE_RE)) {
        const sentence = s.trim();
        if (
          sentence.length >= 12 &&
          sentence.length <= 300 &&
          !UNSAFE_RE.test(sentence) &&
          !CLAIM_RE.test(sentence)
        )
          pool.add(sentence);
      }
  return [...pool].sort();
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

/** A small seeded generator (mulberry32): the same N gives the same content on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const hash = (text: string) =>
  [...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);

/**
 * The narrative with new paragraphs: after each paragraph that ends a sentence (。), with
 * probability 0.3, one to three pool sentences. The original lines are kept byte for byte, in order.
 */
function varyNarrative(markdown: string, pool: string[], seed: number): string {
  const next = random(seed);
  const blocks = markdown.split(/(\n[ \t]*\n)/);
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    out.push(blocks[i]);
    const block = blocks[i].trim();
    const isParagraph = i % 2 === 0 && paragraphs(block).length === 1 && block.endsWith('。');
    // Only between two blocks (never after the last), where a blank line already separates them.
    if (!isParagraph || i + 1 >= blocks.length || next() >= 0.3) continue;
    const count = 1 + Math.floor(next() * 3);
    const text = Array.from({ length: count }, () => pool[Math.floor(next() * pool.length)]).join('');
    out.push('\n\n', text);
  }
  return out.join('');
}

interface Synthetic {
  reports: number;
  offices: number;
  /** Characters inserted into the narratives, all copies together. */
  inserted: number;
  pool: number;
}

/**
 * Writes `<dir>/content` (copies of `content`'s offices, cycling through them until at least
 * `wanted` reports; an office is never split, so the count may exceed `wanted` by a few) and
 * `<dir>/sources` (the archives, which the reports name and the load checks beside content/).
 */
export function writeSynthetic(project: string, dir: string, wanted: number): Synthetic {
  const source = join(project, 'content');
  const root = join(dir, 'content');
  cpSync(join(project, 'sources'), join(dir, 'sources'), { recursive: true });
  mkdirSync(root, { recursive: true });
  const pool = sentencePool(source);
  const offices = readdirSync(source, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const stats: Synthetic = { reports: 0, offices: 0, inserted: 0, pool: pool.length };
  for (let copy = 0; stats.reports < wanted; copy++)
    for (const office of offices) {
      if (stats.reports >= wanted) break;
      const target = join(root, `${office}-s${copy}`);
      cpSync(join(source, office), target, { recursive: true });
      const yaml = join(target, 'office.yaml');
      writeFileSync(
        yaml,
        readFileSync(yaml, 'utf8').replace(/^(name|shortName): (.*)$/gm, `$1: $2（样本${copy}）`),
      );
      stats.offices++;
      for (const file of markdownFiles(target)) {
        const original = readFileSync(file, 'utf8');
        const varied = varyNarrative(original, pool, hash(`${copy}/${file.slice(target.length)}`));
        writeFileSync(file, varied);
        stats.inserted += varied.length - original.length;
        stats.reports++;
      }
    }
  return stats;
}
