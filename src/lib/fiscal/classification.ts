/** 政府收支分类科目: the level of a code follows from its length (类 3, 款 5, 项 7 digits). */
type CodeLevel = 1 | 2 | 3;
export const CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;

export function codeLevel(code: string): CodeLevel {
  return ((code.length - 1) / 2) as CodeLevel;
}

/** The code one level up (2010301 → 20103 → 201), or null for a 类. */
export function parentCode(code: string): string | null {
  return code.length > 3 ? code.slice(0, code.length - 2) : null;
}
