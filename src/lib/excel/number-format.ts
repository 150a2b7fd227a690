import Big from 'big.js';

/*
 * Excel number formats, both ways: a published figure ("16.50", "84.6%") becomes a number with
 * the format that displays exactly that text, and a number read from a workbook becomes the text
 * its format displays (16.499999999999 shown as `0.00` is "16.50"). Grouping separators are
 * left out: the content keeps figures without them.
 */

interface ExcelNumber {
  value: number;
  numFmt: string;
}

const FIGURE_RE = /^(-?\d+)(?:\.(\d+))?(%?)$/;

/** The number and format that display `text` exactly, or null when it must be stored as text. */
export function figureNumber(text: string): ExcelNumber | null {
  const m = FIGURE_RE.exec(text);
  if (!m) return null;
  const decimals = m[2]?.length ?? 0;
  const percent = m[3] === '%';
  const numFmt = (decimals ? `0.${'0'.repeat(decimals)}` : '0') + (percent ? '%' : '');
  const exact = percent ? new Big(text.slice(0, -1)).div(100) : new Big(text);
  const value = Number(exact.toString());
  // "-0.00", "007" or more digits than a double holds would not come back as written.
  return displayNumber(value, numFmt) === text ? { value, numFmt } : null;
}

/** What Excel shows for `value` under `numFmt`; null for a date or time format. */
export function displayNumber(value: number, numFmt: string | undefined): string | null {
  const sections = splitSections(numFmt ?? '');
  if (!sections[0] || /^general$/i.test(sections[0].trim())) return general(value);
  let section = sections[0];
  let sign = value < 0 ? '-' : '';
  if (value < 0 && sections.length > 1) [section, sign] = [sections[1], ''];
  else if (value === 0 && sections.length > 2) section = sections[2];
  // An empty section shows nothing ("0.00;-0.00;" leaves zeros blank).
  if (!section.trim()) return '';
  const pattern = parseSection(section);
  if (pattern === 'date') return null;
  if (!pattern) return general(value);
  let magnitude = new Big(Math.abs(value).toPrecision(15));
  if (pattern.percent) magnitude = magnitude.times(100);
  if (pattern.scale) magnitude = magnitude.div(1000 ** pattern.scale);
  const digits = trimDecimals(magnitude.toFixed(pattern.maxDecimals), pattern.minDecimals);
  const shown = pattern.minInteger === 0 && digits.startsWith('0.') ? digits.slice(1) : digits;
  // Like Excel, a small negative shows its sign even when it rounds to zero ("-0.00").
  return `${pattern.prefix}${sign}${shown}${pattern.suffix}`.trim();
}

/** Excel's General format: up to 11 significant digits, no trailing zeros. */
function general(value: number): string {
  return new Big(value.toPrecision(11)).toString();
}

function trimDecimals(fixed: string, minDecimals: number): string {
  const dot = fixed.indexOf('.');
  if (dot < 0) return fixed;
  let end = fixed.length;
  while (end > dot + 1 + minDecimals && fixed[end - 1] === '0') end--;
  return fixed.slice(0, end === dot + 1 && minDecimals === 0 ? dot : end);
}

/** Sections of a format ("0.00;-0.00;") split at semicolons outside quotes. */
function splitSections(format: string): string[] {
  const out = [''];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      out[out.length - 1] += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      out[out.length - 1] += format.slice(i, i + 2);
      i++;
    } else if (ch === ';') out.push('');
    else out[out.length - 1] += ch;
  }
  return out;
}

interface Pattern {
  prefix: string;
  suffix: string;
  minInteger: number;
  minDecimals: number;
  maxDecimals: number;
  percent: boolean;
  /** Thousands dropped by trailing commas ("0.0,"). */
  scale: number;
}

/**
 * The literal text around the digit placeholders of one section, and their counts. Colours and
 * locales ([Red], [$-804]), fills (*) and paddings (_) display nothing that is part of a figure.
 */
function parseSection(section: string): Pattern | 'date' | null {
  const before: string[] = [];
  const after: string[] = [];
  const literal = (text: string) => (digitsAt < 0 ? before : after).push(text);
  let digits = '';
  let digitsAt = -1;
  let percent = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? section.length : end));
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') literal(section[++i] ?? '');
    else if (ch === '[') i = Math.max(i, section.indexOf(']', i));
    else if (ch === '_' || ch === '*') i++;
    else if (/[0#?.,]/.test(ch) && (digitsAt < 0 || digitsAt + digits.length === i)) {
      if (digitsAt < 0) digitsAt = i;
      digits += ch;
    } else if (/[ymdhs]/i.test(ch)) return 'date';
    else if (/[eE@]/.test(ch)) return null;
    else {
      if (ch === '%') percent = true;
      literal(ch);
    }
  }
  if (!/[0#?]/.test(digits)) return null;
  const scale = /,+$/.exec(digits)?.[0].length ?? 0;
  const [integer, decimals = ''] = digits.slice(0, digits.length - scale).split('.');
  return {
    prefix: before.join(''),
    suffix: after.join(''),
    minInteger: (integer.match(/0/g) ?? []).length,
    minDecimals: (decimals.match(/0/g) ?? []).length,
    maxDecimals: (decimals.match(/[0#?]/g) ?? []).length,
    percent,
    scale,
  };
}
