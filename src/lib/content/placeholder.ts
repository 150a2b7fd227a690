/**
 * The word that marks a value staff must still fill in (written by `npm run new` and by
 * `npm run import` for a new report). The schema and the narrative check refuse it wherever it
 * is left, so a blank is never published silently; a blank published cell is `~`.
 */
export const PLACEHOLDER = '待填';
