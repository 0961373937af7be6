// Text made safe inside HTML or SVG markup that is built as a string (never for the page itself:
// elements render through Lit, which escapes). Used where the markup leaves the page: an exported SVG
// (infographic), a 新旧对照表 put on the clipboard (comparison).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` without what no markup may hold: C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF (an XML parser rejects them; Word shows boxes). */
export function withoutMarkupInvalid(text: string): string {
  // with the u flag, [\ud800-\udfff] matches only surrogates that are not half of a pair
  // eslint-disable-next-line no-control-regex -- the control characters are what is being removed
  return text.replace(/[\0-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/gu, '');
}

/** `text` with `& < > " '` escaped, and what no markup may hold removed (withoutMarkupInvalid). */
export function escapeMarkup(text: string): string {
  return withoutMarkupInvalid(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** JSON text made safe inside `<script type="application/json">`: it cannot close the tag or open an HTML comment. */
export function escapeJsonForScript(json: string): string {
  return json.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\u003C!--');
}
