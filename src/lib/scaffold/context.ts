/** What a report scaffold is written for. */
export interface ScaffoldContext {
  office: string;
  /** The office's full name from its office.yaml, or null while that is still a placeholder. */
  officeName: string | null;
  year: number;
}

/** "2023年度湖南省…联络处" for the hints, or a generic form while the office has no name yet. */
export const titleExample = (c: ScaffoldContext, suffix: string) =>
  `如 ${c.year}年度${c.officeName ?? '<机构全称>'}${suffix}`;
