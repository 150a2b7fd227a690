/** 'note' is a difference within rounding: shown, counted, never a failure. */
type Severity = 'error' | 'note';

/** A place in a content file (1-based line and column). */
interface Place {
  file: string;
  line: number;
  column: number;
}

/**
 * What the check reports, whoever found it: a schema or load error of a content file (rule
 * "schema"), a finding of a rule of rules.ts, a rounding note, an acknowledged published
 * inconsistency. `npm run check` prints it (a line, or an object of `--json`) and the review
 * compares it; a rule's Finding is its placeless part, which the report page's 数据说明 shows.
 */
export interface Diagnostic extends Place {
  /** "schema", or a rule id of rules.ts. */
  rule: string;
  severity: Severity;
  /** What it is about, stable across edits: the key acknowledgements name ('' for schema errors). */
  subject: string;
  message: string;
  expected?: string;
  actual?: string;
  acknowledged: boolean;
  /** The acknowledgement's reason: why it stays as published. */
  reason?: string;
  /** Every place involved, the reported one first. */
  locations: Place[];
  /** The YAML of the report whose check found it: where its acknowledgement goes. */
  report?: string;
}
