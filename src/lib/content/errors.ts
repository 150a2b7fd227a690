import type { z } from 'zod';
import type { ParsedYaml, Position } from './yaml.ts';

/** A problem in a content file, at the node it concerns. */
export interface ContentError extends Position {
  file: string;
  message: string;
}

const formatError = (e: ContentError) => `${e.file}:${e.line}:${e.col} ${e.message}`;

/** Turns schema issues into located messages that say what was expected. */
export function locateIssues(
  file: string,
  yaml: ParsedYaml,
  issues: readonly z.core.$ZodIssue[],
): ContentError[] {
  const out: ContentError[] = [];
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ file, ...yaml.locate(path, { key }), message: issue.message });
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    const where = path.length ? `${path.map(String).join('.')}：` : '';
    const message = missing
      ? `缺少必填项 ${path.map(String).join('.')}（${issue.message}）`
      : `${where}${issue.message}`;
    out.push({ file, ...yaml.locate(path), message });
  }
  return out;
}

export class ContentErrors extends Error {
  constructor(readonly errors: ContentError[]) {
    super(`${errors.length} 处内容错误:\n${errors.map(formatError).join('\n')}`);
  }
}
