/** A path to a YAML node of the report ("tables", "t03", "rows", 2, 3). */
export type Path = (string | number)[];

/** A published figure: its text, where it sits in the YAML, and how to name it in a message. */
export interface Fig {
  text: string | null;
  path: Path;
  label: string;
  /** Id of the report whose YAML holds it, when not the report being checked. */
  source?: string;
}
