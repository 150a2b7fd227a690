/**
 * The site's Content-Security-Policy, derived from the built pages after `astro build`: every
 * inline <script> of every page is hashed (sha256 of its text as the browser reads it), and the
 * one site-wide policy allows exactly those scripts, the site's own files, and WebAssembly for
 * Pagefind. It is written to <site>/_headers (the Netlify / Cloudflare Pages format) with the
 * other response headers the site expects; docs/deploy.md explains it for a deployment.
 *
 * Anything in a page that the policy cannot allow fails the build instead of breaking in the
 * reader's browser: an inline event-handler attribute (onclick=…), a style attribute, an inline
 * <style> element, a javascript: URL, or a script, stylesheet, image or frame from another origin.
 * There is no 'unsafe-inline' for scripts or styles: Chart.js and the Pagefind UI style their
 * elements through the CSSOM (element.style), which a policy does not restrict.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** Why the policy could not be produced, in the words the build prints. */
export class CspError extends Error {}

/**
 * Cloudflare Pages refuses a _headers line longer than this; Netlify has no such limit. Each
 * distinct inline script adds about 54 characters, so the policy holds some 25 of them.
 */
const MAX_LINE = 2000;

/** Response headers sent with every file besides the policy. */
const OTHER_HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];

/** The policy allowing the given script hashes ('sha256-…' sources), in a fixed order. */
function policyFor(hashes: string[]): string {
  const scripts = [...new Set(hashes)].sort().map((h) => `'${h}'`);
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scripts].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The CSP hash source of an inline script's text: its UTF-8 bytes, as the browser hashes them. */
const hashOf = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

function* elements(node: Root | RootContent): Generator<Element> {
  if (node.type === 'element') {
    yield node;
    if (node.content) yield* elements(node.content);
  }
  if ('children' in node) for (const child of node.children) yield* elements(child);
}

const text = (e: Element) => e.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
const attr = (e: Element, name: string) => {
  const v = e.properties[name];
  return Array.isArray(v) ? v.join(' ') : v === undefined || v === null ? undefined : String(v);
};
/** A URL that leaves the site: with a scheme or protocol-relative. */
const foreign = (url: string | undefined) => url !== undefined && /^\s*([a-z][a-z\d+.-]*:|\/\/)/i.test(url);

/** One page: the hashes of its inline scripts, and what in it the policy would block. */
export function pagePolicyNeeds(html: string): { hashes: string[]; problems: string[] } {
  const hashes: string[] = [];
  const problems: string[] = [];
  const line = (e: Element) =>
    e.position ? `第 ${e.position.start.line} 行第 ${e.position.start.column} 列 ` : '';
  for (const e of elements(fromHtml(html))) {
    const where = `${line(e)}<${e.tagName}>`;
    // hast names event-handler attributes onClick, onLoad…: anything starting with "on" is refused.
    for (const name of Object.keys(e.properties).filter((k) => /^on/i.test(k)))
      problems.push(`${where} 有内联事件属性 ${name.toLowerCase()}，请改为在脚本中 addEventListener`);
    if (e.properties.style !== undefined) problems.push(`${where} 有 style 属性，请改用样式表中的 class`);
    for (const name of ['href', 'src', 'action', 'formAction', 'xLinkHref'])
      if (/^\s*javascript:/i.test(attr(e, name) ?? ''))
        problems.push(`${where} 的 ${name} 是 javascript: 网址`);
    if (e.tagName === 'style')
      problems.push(`${where} 是内联样式，请写在组件的 <style> 中（构建为外部样式表）`);
    if (e.tagName === 'script') {
      const src = attr(e, 'src');
      if (src === undefined) hashes.push(hashOf(text(e)));
      else if (foreign(src)) problems.push(`${where} 从其他网站加载脚本 ${src}`);
    }
    if (e.tagName === 'link' && /\bstylesheet\b/i.test(attr(e, 'rel') ?? '') && foreign(attr(e, 'href')))
      problems.push(`${where} 从其他网站加载样式表 ${attr(e, 'href')}`);
    if (e.tagName === 'img' && foreign(attr(e, 'src')) && !/^\s*data:/i.test(attr(e, 'src')!))
      problems.push(`${where} 从其他网站加载图片 ${attr(e, 'src')}`);
    if (['iframe', 'frame', 'object', 'embed'].includes(e.tagName))
      problems.push(`${where} 是嵌入内容，内容安全策略不允许`);
  }
  return { hashes, problems };
}

/** The policy every built page under `site` needs. Throws CspError on anything it cannot allow. */
function sitePolicy(site: string): { policy: string; pages: number; scripts: number } {
  const pages = readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
    .sort();
  const hashes = new Set<string>();
  const problems: string[] = [];
  for (const f of pages) {
    const needs = pagePolicyNeeds(readFileSync(join(site, f), 'utf8'));
    needs.hashes.forEach((h) => hashes.add(h));
    problems.push(...needs.problems.map((p) => `${relative('.', join(site, f))}：${p}`));
  }
  if (problems.length)
    throw new CspError(`内容安全策略（CSP）无法允许页面中的以下内容：\n${problems.join('\n')}`);
  const policy = policyFor([...hashes]);
  if (policy.length + 'Content-Security-Policy: '.length + 2 > MAX_LINE)
    throw new CspError(
      `内容安全策略（CSP）有 ${policy.length} 个字符，超过 _headers 一行 ${MAX_LINE} 个字符的上限：页面中不同的内联脚本有 ${hashes.size} 段，请把它们合并或改为外部脚本`,
    );
  return { policy, pages: pages.length, scripts: hashes.size };
}

/** Writes <site>/_headers with the policy; returns the summary line. Throws CspError. */
export function writeHeaders(site: string): string {
  const { policy, pages, scripts } = sitePolicy(site);
  const headers = [['Content-Security-Policy', policy], ...OTHER_HEADERS].map(([k, v]) => `  ${k}: ${v}\n`);
  writeFileSync(join(site, '_headers'), `/*\n${headers.join('')}`);
  return `内容安全策略：${pages} 个页面，${scripts} 段内联脚本，写入 _headers。`;
}
