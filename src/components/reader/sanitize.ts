/**
 * Progressive enhancement of an article already on the page: `<zw-reader>` re-renders the HTML placed inside it,
 * and that HTML is hostile (a CMS, a copy from Word, an editor's paste, an attacker's comment). It goes through
 * DOMPurify with an allow-list of text structure only: what a reader needs to read, nothing that runs, loads
 * active content, styles itself or collides with the page.
 *
 * Loaded with `import('./sanitize.js')` only when a reader has light-DOM HTML, so DOMPurify never weighs on the
 * element's own chunk.
 *
 * The article is sanitised DOM to DOM: the host's children are copied into an inert document (no browsing context:
 * nothing in them loads or runs) and DOMPurify cleans that copy in place. No markup is parsed again, so there is no
 * Trusted Types sink to feed and no mXSS from a second parse — and no CSP report: parsing hostile markup makes
 * Chromium report each inline handler and style attribute it meets against the page's policy (harmless, nothing runs,
 * but it floods a portal's report endpoint with the violations the page's own parse already reported once).
 * Should DOMPurify refuse the in-place walk, the copy is serialised and parsed by DOMPurify instead; that parse is a
 * Trusted Types sink and goes through a policy named `zhengwu-reader` (a page enforcing Trusted Types lists it:
 * `trusted-types lit-html zhengwu-reader`). The policy passes markup through unchanged to DOMPurify's inert parse
 * and is private to this module.
 */
import DOMPurify from 'dompurify';
import type { Config } from 'dompurify';
import { safeHref } from '../../core/url.js';

/** The Trusted Types policy the reader creates (a page enforcing Trusted Types must allow it). */
export const READER_POLICY_NAME = 'zhengwu-reader';
/** Every id (and every `href="#…"`, `headers` reference) of sanitised content gets this prefix: no clash with the page's ids. */
export const ID_PREFIX = 'zw-r-';

/** The elements that survive: text structure. Anything else is removed, its text kept (unless listed in REMOVED_WITH_CONTENT). */
// prettier-ignore
export const ALLOWED_ELEMENTS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'div', 'span', 'section', 'article', 'blockquote', 'figure', 'figcaption', 'pre', 'address',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'a', 'img', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'q', 'code', 'time',
  'ruby', 'rt', 'rp',
] as const;

/** The attributes that survive (ids prefixed, URLs checked). No style, class, event handler, data-*, aria-*, role, name, srcset. */
// prettier-ignore
export const ALLOWED_ATTRIBUTES = [
  'href', 'target', 'src', 'alt', 'title', 'id', 'lang', 'dir',
  'colspan', 'rowspan', 'scope', 'headers', 'abbr', 'span', 'start', 'reversed', 'datetime', 'width', 'height',
] as const;

/** Elements removed together with everything inside them (their text is not article text, or is fallback for active content). */
// prettier-ignore
export const REMOVED_WITH_CONTENT = [
  // DOMPurify's own list
  'annotation-xml', 'audio', 'colgroup', 'desc', 'foreignobject', 'head', 'iframe', 'math', 'mi', 'mn', 'mo', 'ms', 'mtext', 'noembed',
  'noframes', 'noscript', 'plaintext', 'script', 'selectedcontent', 'style', 'svg', 'template', 'thead', 'title', 'video', 'xmp',
  // and the controls and embedded content a reading view has no use for
  'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'object', 'embed', 'applet', 'canvas', 'map', 'dialog', 'frameset', 'frame',
] as const;

/** The elements of REMOVED_WITH_CONTENT that are not allowed anyway (thead and colgroup are), as one selector. */
const DROPPED_BEFORE_PARSE = REMOVED_WITH_CONTENT.filter((name) => !(ALLOWED_ELEMENTS as readonly string[]).includes(name)).join(',');

const CONFIG: Config = {
  ALLOWED_TAGS: [...ALLOWED_ELEMENTS],
  ALLOWED_ATTR: [...ALLOWED_ATTRIBUTES],
  ALLOW_DATA_ATTR: false, // data-zw-* drive the reader itself
  ALLOW_ARIA_ATTR: false, // aria-hidden/labelledby from hostile markup would mislead assistive technology
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // http(s) and relative references only (safeHref is the second lock, below)
  ALLOWED_URI_REGEXP: /^(?:https?:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  FORBID_CONTENTS: [...REMOVED_WITH_CONTENT],
  SANITIZE_DOM: true, // ids and names that clobber document/form properties go
  KEEP_CONTENT: true,
};

interface ReaderPolicy {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}
type Policy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;

let policy: ReaderPolicy | null | undefined;
/** The `zhengwu-reader` policy, created once; null without Trusted Types or when the page does not allow it. */
function readerPolicy(): ReaderPolicy | null {
  if (policy !== undefined) return policy;
  policy = null;
  const factory = (window as { trustedTypes?: { createPolicy(name: string, rules: ReaderPolicy): ReaderPolicy } }).trustedTypes;
  if (factory) {
    try {
      // Only DOMPurify's parse into an inert document gets this markup; no script URL is ever needed.
      policy = factory.createPolicy(READER_POLICY_NAME, { createHTML: (input) => input, createScriptURL: () => '' });
    } catch {
      policy = null; // not in the page's `trusted-types` list, or already created by another copy: DOMPurify's parse then fails closed (nothing)
    }
  }
  return policy;
}

/** One DOMPurify instance of our own: its configuration and hooks never touch another user's. */
let purifier: ReturnType<typeof DOMPurify> | undefined;
const purify = () => (purifier ??= DOMPurify(window));

/** The JSON data child the base reads (`<script type="application/json">`): data, not article. */
const isDataScript = (node: Node) => node instanceof Element && node.localName === 'script' && (node.getAttribute('type') ?? '').trim().toLowerCase() === 'application/json';

/** How the article reaches DOMPurify: copied DOM to DOM (the way), or serialised and parsed through the policy (the fallback). Tests use both. */
export type SanitizeRoute = 'markup' | 'dom';

/**
 * A clean copy of the article HTML inside `source` (its light DOM, without the JSON data child), ready to insert
 * into the reader's shadow root. The source is not changed: it stays readable if the enhancement never happens.
 */
export function sanitizeArticle(source: Element, route?: SanitizeRoute): DocumentFragment {
  // Copies in an inert document (no browsing context): nothing in them loads or runs while they are handled.
  const inert = document.implementation.createHTMLDocument('');
  const holder = inert.createElement('div');
  for (const child of source.childNodes) if (!isDataScript(child)) holder.append(inert.importNode(child, true));

  let clean: DocumentFragment | undefined;
  if (route !== 'markup') {
    try {
      purify().sanitize(holder, { ...CONFIG, TRUSTED_TYPES_POLICY: null, IN_PLACE: true });
      clean = inert.createDocumentFragment();
      clean.append(...holder.childNodes);
    } catch (error) {
      if (route === 'dom') throw error;
    }
  }
  if (!clean) {
    // What goes with its content goes before the markup is written out: DOMPurify's parse hoists the children of the
    // disallowed <body> as clones, and a cloned <script> (even type="text/template") inserted into a document is a
    // Trusted Types sink (script text), which a page enforcing them reports — though nothing would run.
    for (const el of holder.querySelectorAll(DROPPED_BEFORE_PARSE)) el.remove();
    // Without Trusted Types no policy is needed (null also stops DOMPurify creating its own `dompurify` one).
    const own = readerPolicy() as Policy | null;
    clean = purify().sanitize(holder.innerHTML, { ...CONFIG, TRUSTED_TYPES_POLICY: own, RETURN_DOM_FRAGMENT: true });
  }
  finish(clean);
  return clean;
}

const ASCII_SPACE = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g; // eslint-disable-line no-control-regex -- what URL parsing strips from both ends

/** The checked URL, or undefined: browsers strip leading/trailing controls and spaces, so do that first, then only http(s)/relative. */
const checkedUrl = (value: string | null) => (value === null ? undefined : safeHref(value.replace(ASCII_SPACE, '')));

const prefixed = (id: string) => `${ID_PREFIX}${id}`;

/** After DOMPurify: the URL second lock, link targets, prefixed ids, and no empty wrappers left over from removed markup. */
function finish(root: DocumentFragment): void {
  for (const el of [...root.querySelectorAll('*')]) {
    const tag = el.localName;
    const id = el.getAttribute('id');
    if (id !== null) el.setAttribute('id', prefixed(id));
    const headers = el.getAttribute('headers');
    if (headers !== null) el.setAttribute('headers', headers.trim().split(/\s+/).map(prefixed).join(' '));
    if (tag === 'a') {
      const href = checkedUrl(el.getAttribute('href'));
      if (href === undefined) {
        el.replaceWith(...el.childNodes); // not a link any more: its words stay
        continue;
      }
      el.setAttribute('href', href.startsWith('#') && href.length > 1 ? `#${prefixed(href.slice(1))}` : href);
      if (el.getAttribute('target') === '_blank') el.setAttribute('rel', 'noopener noreferrer');
      else el.removeAttribute('target'); // _top, _parent, named frames: the page's own navigation is not the article's to drive
    } else if (el.hasAttribute('target')) {
      el.removeAttribute('target');
    }
    if (tag === 'img') {
      const src = checkedUrl(el.getAttribute('src'));
      const alt = (el.getAttribute('alt') ?? '').trim();
      if (src === undefined && !alt) {
        el.remove();
        continue;
      }
      if (src === undefined) el.removeAttribute('src');
      else el.setAttribute('src', src);
      if (!el.hasAttribute('alt')) el.setAttribute('alt', ''); // no text alternative given: a file name read aloud helps no one
    } else if (el.hasAttribute('src')) {
      el.removeAttribute('src');
    }
  }
  collapseEmpty(root);
}

/** Wrappers whose content was all removed (or CMS spacers such as `<p>&nbsp;</p>`) would only add blank space. */
const BLOCKS = new Set(['div', 'section', 'article', 'p', 'blockquote', 'figure']);
const INLINES = new Set(['span', 'b', 'strong', 'i', 'em', 'u', 'small']);
function collapseEmpty(root: DocumentFragment): void {
  // deepest first, so a wrapper emptied by its children's removal goes too
  for (const el of [...root.querySelectorAll('*')].reverse()) {
    const name = el.localName;
    if (!(BLOCKS.has(name) || INLINES.has(name)) || el.querySelector('img, table, hr')) continue;
    const text = el.textContent ?? '';
    if (text.trim()) continue;
    if (!INLINES.has(name))
      el.remove(); // a blank paragraph, <br> spacers included
    else if (el.querySelector('br'))
      continue; // a line break inside a sentence stays
    else if (text)
      el.replaceWith(' '); // a space between two words stays a space
    else el.remove();
  }
}
