/**
 * Debian's Chromium and a CJK font, for the browser tests and the review's screenshots. A fresh
 * machine has neither: `ensureChromium()` installs what is missing with apt-get (needs root).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without a CJK font every Chinese character renders as an empty box (tofu). */
const hasCjkFont = () => {
  const r = spawnSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
};

/** Installs Debian's chromium and fonts-noto-cjk when missing; returns a problem in Chinese, or null. */
export function ensureChromium(): string | null {
  const packages = [
    ...(existsSync(CHROMIUM) ? [] : ['chromium']),
    ...(hasCjkFont() ? [] : ['fonts-noto-cjk']),
  ];
  if (!packages.length) return null;
  console.log(`安装浏览器测试所需的 Debian 软件包：${packages.join(' ')}（apt-get，需要 root）…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...packages],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) return `apt-get ${args.join(' ')} 失败（退出码 ${r.status ?? r.signal}）`;
  }
  if (!existsSync(CHROMIUM)) return `安装后仍找不到 ${CHROMIUM}`;
  if (!hasCjkFont()) return '安装后仍没有中文字体（fc-list :lang=zh-cn 为空）';
  return null;
}

/** Headless Chromium with the flags this machine needs (no sandbox as root, no background network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
