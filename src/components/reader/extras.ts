/**
 * The reader's two lazy extras, applied to the content root in place: 简→繁 (`applyScript`) and 拼音 ruby
 * (`applyPinyin`). Each loads its table with `import()` the first time it is turned on, so neither weighs on the
 * element's bundle. Both are reversible to the exact DOM they started from, and work together:
 *
 * - Every text node changed here keeps its original (simplified) string in `sources`. 简→繁 rewrites `data` only
 *   (same Text nodes, same length), so offsets, ranges and the speech highlight stay valid.
 * - 拼音 swaps a text node with Han characters for `<span data-zw-pinyin>` holding one `<ruby>` per Han character
 *   (so lines still break between characters) and remembers the Text node, which comes back when 拼音 is off.
 *   The reading always comes from the original simplified string — toTraditional keeps one code unit per code
 *   unit, so index i of the displayed text is index i of the source — because readings are listed for simplified
 *   characters (the 繁 form of 发 is 發 or 髮, but the reading was fixed by the simplified phrase: 头发 tóu fa).
 *   When the script changes under ruby, the ruby bases are re-rendered from the same source.
 * - `rt` is `aria-hidden` (a screen reader would otherwise read every character twice) and
 *   `lang="zh-Latn-pinyin"`. Script, style, rt, existing ruby, form fields and `[data-zw-skip]` are left alone.
 */
type Script = 'original' | 'hant';

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
const queues = new WeakMap<Element, Promise<void>>();

const SKIP = 'script,style,template,textarea,rt,rp,[data-zw-skip]';
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const WRAPPER = 'span[data-zw-pinyin]';

let toTraditional: ((text: string) => string) | undefined;
let pinyinOf: ((text: string) => (string | null)[]) | undefined;

/** Runs one change at a time per root: a quick on/off/on waits for the previous one instead of interleaving. */
function serial(root: Element, task: () => Promise<void>): Promise<void> {
  const next = (queues.get(root) ?? Promise.resolve()).then(task, task);
  queues.set(
    root,
    next.catch(() => undefined),
  );
  return next;
}

/** The text nodes under root this module may change: not inside a skipped element, nor (unless asked) a wrapper. */
function textNodes(root: Element, skip: string): Text[] {
  const nodes: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    const blocked = text.parentElement?.closest(skip);
    if (blocked && root.contains(blocked)) continue;
    if (HAN.test(text.data)) nodes.push(text);
  }
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

function rubyRun(doc: Document, original: string, script: Script): DocumentFragment {
  const shown = display(original, script);
  const readings = pinyinOf!(original);
  const fragment = doc.createDocumentFragment();
  let plain = '';
  for (let i = 0; i < shown.length; i++) {
    const reading = readings[i];
    if (!reading) {
      plain += shown[i];
      continue;
    }
    if (plain) fragment.append(plain);
    plain = '';
    const ruby = doc.createElement('ruby');
    const rt = doc.createElement('rt');
    rt.lang = 'zh-Latn-pinyin';
    rt.setAttribute('aria-hidden', 'true');
    rt.textContent = reading;
    ruby.append(shown[i], rt);
    fragment.append(ruby);
  }
  if (plain) fragment.append(plain);
  return fragment;
}

/** Shows `root`'s text in Traditional characters ('hant') or as it was ('original'). */
export function applyScript(root: Element, script: Script): Promise<void> {
  return serial(root, async () => {
    if (script === 'hant' && !toTraditional) toTraditional = (await import('../../core/reader/hant.js')).toTraditional;
    scripts.set(root, script);
    for (const node of textNodes(root, `${SKIP},${WRAPPER}`)) {
      if (script === 'original' && !sources.has(node)) continue;
      show(node, sourceOf(node), script);
    }
    for (const wrapper of root.querySelectorAll<HTMLElement>(WRAPPER)) {
      const node = wrapped.get(wrapper);
      if (node) wrapper.replaceChildren(rubyRun(root.ownerDocument, sources.get(node)!.original, script));
    }
  });
}

/** Annotates `root`'s Han characters with 拼音 ruby (on) or takes the annotation away (off). */
export function applyPinyin(root: Element, on: boolean): Promise<void> {
  return serial(root, async () => {
    const script = scripts.get(root) ?? 'original';
    if (!on) {
      for (const wrapper of root.querySelectorAll<HTMLElement>(WRAPPER)) {
        const node = wrapped.get(wrapper);
        if (!node) continue;
        show(node, sources.get(node)!.original, script);
        wrapper.replaceWith(node);
      }
      return;
    }
    if (!pinyinOf) pinyinOf = (await import('../../core/reader/pinyin.js')).pinyinOf;
    const doc = root.ownerDocument;
    for (const node of textNodes(root, `${SKIP},ruby,${WRAPPER}`)) {
      const original = sourceOf(node);
      const wrapper = doc.createElement('span');
      wrapper.dataset.zwPinyin = '';
      wrapper.append(rubyRun(doc, original, script));
      wrapped.set(wrapper, node);
      node.replaceWith(wrapper);
    }
  });
}
