/**
 * The reader's two lazy extras, applied to the content root in place: 简→繁 (`applyScript`) and 拼音 ruby
 * (`applyPinyin`). Each loads its table with `import()` the first time it is turned on, so neither weighs on the
 * element's bundle. Both are reversible to the exact DOM they started from, and work together:
 *
 * - Every text node changed here keeps its original (simplified) string in `sources`. 简→繁 rewrites `data` only
 *   (same Text nodes, same length), so offsets, ranges and the speech highlight stay valid.
 * - 拼音 swaps a text node with Han characters for `<span data-zw-pinyin>` holding one `<ruby>` per run of Han
 *   characters, each character its own Text node followed by its `<rt>` (`<ruby>政<rt>zhèng</rt>务<rt>wù</rt></ruby>`):
 *   lines still break between characters, and layout costs less than half of one ruby per character (200k characters,
 *   Chromium 156: ~12 µs against ~30 µs a character). The Text node comes back when 拼音 is off.
 *   The reading always comes from the original simplified string — toTraditional keeps one code unit per code
 *   unit, so index i of the displayed text is index i of the source — because readings are listed for simplified
 *   characters (the 繁 form of 发 is 發 or 髮, but the reading was fixed by the simplified phrase: 头发 tóu fa).
 *   When the script changes under ruby, the ruby bases' Text nodes are rewritten in place.
 * - `rt` is `aria-hidden` (a screen reader would otherwise read every character twice) and
 *   `lang="zh-Latn-pinyin"`. Script, style, rt, existing ruby, form fields and `[data-zw-skip]` are left alone.
 *
 * Long texts: the work goes in slices of about 8 ms — the layout each slice causes included, forced and measured at
 * the end of the slice, since laying ruby out costs far more than making it — with a MessageChannel task between
 * slices (not requestAnimationFrame, which stops in a background tab, nor setTimeout, clamped to 4 ms when nested and
 * to 1 s in a background tab): a 200k-character regulation never blocks the page for long, and a tab switched away
 * from still finishes. The part of the text in view goes first. Calls are serialized per root; a newer call of the same
 * kind stops an older one at its next slice, and the older one's promise then resolves with the newer one's.
 */
import { nextTask } from '../../core/yield.js';
type Script = 'original' | 'hant';
type Kind = 'script' | 'pinyin';

interface Source {
  /** the text as it was before any change */
  original: string;
  /** what this module last wrote into the node (to notice when the page changed it since) */
  shown: string;
}

const sources = new WeakMap<Text, Source>();
/** each ruby wrapper and the Text node it stands for */
const wrapped = new WeakMap<HTMLElement, Text>();
const scripts = new WeakMap<Element, Script>();
const queues = new WeakMap<Element, Promise<unknown>>();
/** per root and kind, the newest call: older calls of that kind stop and resolve with it */
const newest = new WeakMap<Element, Partial<Record<Kind, { done: Promise<void> }>>>();

const SKIP = 'script,style,template,textarea,rt,rp,[data-zw-skip]';
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const WRAPPER = 'span[data-zw-pinyin]';
/** what one slice may take, the layout it causes included */
const SLICE_MS = 8;
const SUPERSEDED = Symbol('superseded');

let toTraditional: ((text: string) => string) | undefined;
let pinyinOf: ((text: string) => (string | null)[]) | undefined;

/**
 * Runs one change at a time per root (a quick on/off/on never interleaves), and lets a newer call of the same kind
 * supersede this one: the task sees `stale()` turn true at its next slice and stops; the caller's promise then waits
 * for the newer call, so whenever a promise resolves the DOM shows what was last asked for.
 */
function serial(root: Element, kind: Kind, task: (stale: () => boolean) => Promise<typeof SUPERSEDED | void>): Promise<void> {
  const mine = { done: Promise.resolve() };
  newest.set(root, { ...newest.get(root), [kind]: mine });
  const stale = () => newest.get(root)?.[kind] !== mine;
  const run = () => (stale() ? SUPERSEDED : task(stale));
  const next = (queues.get(root) ?? Promise.resolve()).then(run, run);
  queues.set(
    root,
    next.catch(() => undefined),
  );
  mine.done = next.then((result) => (result === SUPERSEDED || stale() ? newest.get(root)![kind]!.done : undefined));
  return mine.done;
}

/**
 * Does `work` for every item, a slice at a time: each slice takes as many characters as the previous slice's cost per
 * character (its layout included) says fit in SLICE_MS, at most twice the previous slice's. Returns false if it stopped
 * because `stale()`.
 */
async function inSlices<T>(root: Element, items: readonly T[], size: (item: T) => number, work: (item: T) => void, stale: () => boolean): Promise<boolean> {
  let allowance = 400; // characters: about a paragraph, until the first slice has been measured
  for (let i = 0; i < items.length;) {
    const start = performance.now();
    let taken = 0;
    while (i < items.length && taken < allowance) {
      const item = items[i++];
      work(item);
      taken += size(item) || 1;
      if (performance.now() - start > SLICE_MS) break;
    }
    root.getBoundingClientRect(); // the layout this slice caused, now, so that it is measured with it
    const perCharacter = Math.max(performance.now() - start, 0.1) / taken;
    allowance = Math.max(64, Math.min(SLICE_MS / perCharacter, allowance * 2));
    if (i < items.length) {
      await nextTask();
      if (stale()) return false;
    }
  }
  return true;
}

/** The blocks that make up root: its children, or its only child's children, and so on (the reader's `.content` > sections). */
function blocksOf(root: Element): Element[] {
  let parent = root;
  while (parent.childElementCount === 1) parent = parent.firstElementChild!;
  return [...parent.children];
}

/**
 * `nodes` (in document order) from the first one in or after the first block of root the viewport reaches, then the
 * ones before: what the reader sees changes first. Only the blocks' boxes are read (a section skipped by
 * content-visibility is not laid out for it), and only log(n) of them.
 */
function viewportFirst<T extends Node>(root: Element, nodes: T[]): T[] {
  const blocks = blocksOf(root);
  if (nodes.length < 2 || blocks.length < 2) return nodes;
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].getBoundingClientRect().bottom <= 0) low = mid + 1;
    else high = mid;
  }
  if (low === 0 || low === blocks.length) return nodes;
  const first = blocks[low];
  // the first node not before `first` (inside it or after it)
  let a = 0;
  let b = nodes.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    const position = first.compareDocumentPosition(nodes[mid]);
    if (position & Node.DOCUMENT_POSITION_PRECEDING && !(position & Node.DOCUMENT_POSITION_CONTAINS)) a = mid + 1;
    else b = mid;
  }
  return a === 0 ? nodes : [...nodes.slice(a), ...nodes.slice(0, a)];
}

/** The text nodes with Han characters under root this module may change: not inside a skipped element (`skip`). */
function textNodes(root: Element, skip: string): Text[] {
  const nodes: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE
        ? HAN.test((node as Text).data)
          ? NodeFilter.FILTER_ACCEPT
          : NodeFilter.FILTER_SKIP
        : (node as Element).matches(skip)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** The node's original string; a node the page rewrote since this module last touched it starts over. */
function sourceOf(node: Text): string {
  const s = sources.get(node);
  if (s && s.shown === node.data) return s.original;
  sources.set(node, { original: node.data, shown: node.data });
  return node.data;
}

function display(original: string, script: Script): string {
  return script === 'hant' && toTraditional ? toTraditional(original) : original;
}

function show(node: Text, original: string, script: Script): void {
  const text = display(original, script);
  sources.set(node, { original, shown: text });
  if (node.data !== text) node.data = text;
}

/** Plain text and one `<ruby>` per run of characters with a reading: base Text node, `<rt>`, base, `<rt>`, … */
function rubyRuns(doc: Document, original: string, script: Script): DocumentFragment {
  const shown = display(original, script);
  const readings = pinyinOf!(original);
  const fragment = doc.createDocumentFragment();
  let plain = '';
  let ruby: HTMLElement | undefined;
  for (let i = 0; i < shown.length; i++) {
    const reading = readings[i];
    if (!reading) {
      plain += shown[i];
      ruby = undefined;
      continue;
    }
    if (plain) fragment.append(plain);
    plain = '';
    if (!ruby) fragment.append((ruby = doc.createElement('ruby')));
    const rt = doc.createElement('rt');
    rt.lang = 'zh-Latn-pinyin';
    rt.setAttribute('aria-hidden', 'true');
    rt.textContent = reading;
    ruby.append(shown[i], rt);
  }
  if (plain) fragment.append(plain);
  return fragment;
}

/** Rewrites the text a wrapper shows (its plain Text nodes and ruby bases, in order; not the rt) to `shown`. */
function reshow(wrapper: HTMLElement, shown: string): void {
  let at = 0;
  const put = (node: Node) => {
    if (node.nodeType !== Node.TEXT_NODE) return;
    const text = node as Text;
    const part = shown.slice(at, (at += text.length));
    if (text.data !== part) text.data = part;
  };
  for (const child of wrapper.childNodes) {
    if (child.nodeName === 'RUBY') child.childNodes.forEach(put);
    else put(child);
  }
}

/** Shows `root`'s text in Traditional characters ('hant') or as it was ('original'). */
export function applyScript(root: Element, script: Script): Promise<void> {
  return serial(root, 'script', async (stale) => {
    if (script === 'hant' && !toTraditional) toTraditional = (await import('../../core/reader/hant.js')).toTraditional;
    if (stale()) return SUPERSEDED;
    scripts.set(root, script);
    const nodes = viewportFirst(
      root,
      textNodes(root, `${SKIP},${WRAPPER}`).filter((node) => script === 'hant' || sources.has(node)),
    );
    if (
      !(await inSlices(
        root,
        nodes,
        (node) => node.length,
        (node) => show(node, sourceOf(node), script),
        stale,
      ))
    )
      return SUPERSEDED;
    const wrappers = viewportFirst(
      root,
      [...root.querySelectorAll<HTMLElement>(WRAPPER)].filter((wrapper) => wrapped.has(wrapper)),
    );
    const rewrite = (wrapper: HTMLElement) => {
      reshow(wrapper, display(sources.get(wrapped.get(wrapper)!)!.original, script));
    };
    if (!(await inSlices(root, wrappers, (wrapper) => sources.get(wrapped.get(wrapper)!)!.original.length, rewrite, stale))) return SUPERSEDED;
  });
}

/** Annotates `root`'s Han characters with 拼音 ruby (on) or takes the annotation away (off). */
export function applyPinyin(root: Element, on: boolean): Promise<void> {
  return serial(root, 'pinyin', async (stale) => {
    const script = scripts.get(root) ?? 'original';
    if (!on) {
      const wrappers = viewportFirst(
        root,
        [...root.querySelectorAll<HTMLElement>(WRAPPER)].filter((wrapper) => wrapped.has(wrapper)),
      );
      const unwrap = (wrapper: HTMLElement) => {
        const node = wrapped.get(wrapper)!;
        show(node, sources.get(node)!.original, script);
        wrapper.replaceWith(node);
      };
      return (await inSlices(root, wrappers, (wrapper) => wrapped.get(wrapper)!.length, unwrap, stale)) ? undefined : SUPERSEDED;
    }
    if (!pinyinOf) pinyinOf = (await import('../../core/reader/pinyin.js')).pinyinOf;
    if (stale()) return SUPERSEDED;
    const doc = root.ownerDocument;
    const wrap = (node: Text) => {
      const original = sourceOf(node);
      const wrapper = doc.createElement('span');
      wrapper.dataset.zwPinyin = '';
      wrapper.append(rubyRuns(doc, original, script));
      wrapped.set(wrapper, node);
      node.replaceWith(wrapper);
    };
    const nodes = viewportFirst(root, textNodes(root, `${SKIP},ruby,${WRAPPER}`));
    return (await inSlices(root, nodes, (node) => node.length, wrap, stale)) ? undefined : SUPERSEDED;
  });
}
