/** Verbs that start a second command in the same message: "add milk and delete task 2". */
const NEXT_COMMAND = String.raw`(?:add|create|delete|remove|mark|complete|finish|check\s+off|tick\s+off|rename|make|move|postpone|reschedule|push|tag|untag|set|change|give|remind\s+me\s+(?:about|to|that|of)|ping\s+me|undo|show|list|reopen|uncomplete|get\s+rid\s+of|take\s+(?:that|it)\s+back)\b`;
const BOUNDARY = new RegExp(
  String.raw`\s*(?:,\s*(?:and\s+)?(?:then\s+)?|;\s*|\s+and\s+(?:then\s+)?|\s+then\s+)(?=${NEXT_COMMAND})`,
  'gi',
);

/**
 * Splits a message into the commands it chains ("delete task 3, then add call the plumber"). Quoted text
 * and anything after a colon (a note's text) are never split.
 */
export function splitClauses(text: string): string[] {
  const colon = text.indexOf(':');
  const masked = text
    .replace(/(?<=^|\s)(?:"[^"]*"|'[^']*')(?=$|[\s.,:!?])/g, (quoted) => '_'.repeat(quoted.length))
    .slice(0, colon === -1 ? text.length : colon);
  const clauses: string[] = [];
  let start = 0;
  for (const boundary of masked.matchAll(BOUNDARY)) {
    clauses.push(text.slice(start, boundary.index));
    start = boundary.index + boundary[0].length;
  }
  clauses.push(text.slice(start));
  return clauses.map((clause) => clause.trim()).filter((clause) => clause.length > 0);
}
