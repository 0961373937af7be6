/** A piece of text: plain, or an occurrence of a glossary term. */
export type TermSegment = string | { term: string; index: number };

/**
 * Splits `text` at occurrences of glossary `terms` (longest first, so
 * 双随机、一公开 wins over 一公开). Only terms not yet in `marked` are marked,
 * and each once: a term is pointed out where the reader first meets it in a
 * section, not on every line. `index` is the term's position in `terms`.
 */
export function markTerms(text: string, terms: readonly string[], marked: Set<string> = new Set()): TermSegment[] {
  const order = terms
    .map((term, index) => ({ term, index }))
    .filter((t) => t.term !== '')
    .sort((a, b) => b.term.length - a.term.length);
  const segments: TermSegment[] = [];
  let rest = text;
  for (;;) {
    let best: { at: number; term: string; index: number } | undefined;
    for (const { term, index } of order) {
      if (marked.has(term)) continue;
      const at = rest.indexOf(term);
      if (at >= 0 && (!best || at < best.at || (at === best.at && term.length > best.term.length))) best = { at, term, index };
    }
    if (!best) break;
    if (best.at > 0) segments.push(rest.slice(0, best.at));
    segments.push({ term: best.term, index: best.index });
    marked.add(best.term);
    rest = rest.slice(best.at + best.term.length);
  }
  if (rest) segments.push(rest);
  return segments;
}
