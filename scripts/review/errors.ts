/** A failure of the review itself (exit 2): its message is in Chinese and printed without a stack trace. */
export class ReviewError extends Error {}

/** The last lines of a step's output, which usually name what went wrong. */
export function lastLines(text: string, count = 15): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
