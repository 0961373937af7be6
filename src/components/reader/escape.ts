/**
 * Whose Escape is it? The reader leaves its modes on Escape (speech, aids, 指读, its panels) — but not an Escape
 * that belongs to something else first: a dialog or menu that closes on it, a field where it clears or cancels, an
 * expanded control, or a key another handler already took (`defaultPrevented`). One rule for the element and the
 * reading aids, so a portal's own menu or modal never also stops the reading.
 */
const ESCAPE_OWNERS =
  'dialog,[role="dialog"],[role="alertdialog"],[role="menu"],[role="listbox"],select,input,textarea,[contenteditable=""],[contenteditable="true"],[aria-expanded="true"]';

/** True when this Escape keydown is someone else's to handle (see above). */
export function escapeOwnedElsewhere(event: KeyboardEvent, mine?: (node: Element) => boolean): boolean {
  if (event.defaultPrevented) return true;
  return event.composedPath().some((node) => node instanceof Element && !mine?.(node) && node.matches(ESCAPE_OWNERS));
}
