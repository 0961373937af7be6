/**
 * Text matching for filters and search boxes over Chinese text: full-width and
 * half-width forms match (ＡＢＣ１ = abc1), case is ignored, and so is white
 * space (CMS text often carries stray spaces between characters).
 */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Whether every space-separated part of `query` occurs in one of `texts`. */
export function matchesQuery(query: string, ...texts: string[]): boolean {
  const parts = query.split(/\s+/).map(normaliseForSearch).filter(Boolean);
  if (parts.length === 0) return true;
  const haystack = normaliseForSearch(texts.join('\n'));
  return parts.every((part) => haystack.includes(part));
}
