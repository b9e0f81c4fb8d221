/** DOM ids shared by in-text citations, footnotes and the bibliography (back-links need both ends). */

/** A DOM-id-safe form of a citation key (`preskill2018` stays, `a:b/c` → `a-b-c`). */
function idSafe(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '-');
}

export const referenceId = (key: string) => `ref-${idSafe(key)}`;
export const citeId = (key: string, occurrence: number) => `cite-${idSafe(key)}-${occurrence}`;
export const footnoteId = (n: number) => `fn-${n}`;
export const footnoteRefId = (n: number) => `fnref-${n}`;

/** Annotated props arrive as strings from MDX attributes; anything unusable becomes undefined. */
export function toPositiveInt(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
