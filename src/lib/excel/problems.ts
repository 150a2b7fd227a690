/** What the import could not place, located as 文件.xlsx!工作表!单元格, with what to do. */
export interface Problem {
  sheet?: string;
  cell?: string;
  message: string;
}

export const problemLine = (file: string, p: Problem) =>
  `${[file, p.sheet, p.cell].filter(Boolean).join('!')}: ${p.message}`;
