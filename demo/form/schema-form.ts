/**
 * The demo's authoring form: ONE renderer over the JSON Schemas of src/schema (never a form per kind),
 * for content staff who do not write JSON. Lit `render`/`html` only (values are untrusted: text bindings,
 * no innerHTML), CSP-safe (no inline styles, no eval). Chinese only: the demo page is for 信息公开 staff.
 *
 * The form never loses data: fields the schema does not know are kept and listed, a value of the wrong
 * type is shown read-only until staff choose “清空并重填”, and rendering never writes anything back.
 */
import { html, noChange, nothing, render, type TemplateResult } from 'lit';
import { directive, Directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { JsonSchema } from '../../src/schema/validate.js';
import { escapePointer } from '../../src/schema/issues.js';
import { ENUM_TERMS } from '../../src/schema/terms.generated.js';

export interface FormIssue {
  /** JSON pointer; '' = the whole document, e.g. '/attachments/0/url'. */
  path: string;
  severity: 'error' | 'warning';
  message: string;
}
export interface SchemaFormOptions {
  /** The document kind's schema (e.g. policy.schema.json's object). */
  schema: JsonSchema;
  /** Every schema file by file name, for $ref: { 'common.schema.json': …, 'policy.schema.json': … }. */
  schemas: Record<string, JsonSchema>;
  /** The parsed document (may be invalid in any way). */
  value: unknown;
  /** Shown beside the field they concern. */
  issues: readonly FormIssue[];
  /** A NEW value (the old one is never mutated), and the pointer of the field edited. */
  onChange(next: unknown, path: string): void;
  /** Prefix of the ids the form creates; default 'zwf-'. */
  idPrefix?: string;
}

type Json = Record<string, unknown>;
/** A schema node and the file its relative `#/…` references point into. */
interface SNode {
  s: Json;
  file: string;
}
/** One step of a path from the document root; `order`, `optional` and `make` describe the key in its object. */
interface Seg {
  key: string | number;
  /** The schema's property order of the object holding `key`: new keys go in that order. */
  order?: readonly string[];
  /** The key may be absent: a group emptied by a removal below it goes away too. */
  optional?: boolean;
  /** The value to start from when a field below this absent one is edited. */
  make?: () => unknown;
}
interface State {
  container: HTMLElement;
  opts: SchemaFormOptions;
  value: unknown;
  issues: readonly FormIssue[];
  prefix: string;
  rootFile: string;
  /** List pointer → a stable key per item (item objects get re-parsed by the page, so they cannot be the keys). */
  keys: Map<string, string[]>;
  nextKey: number;
  /** `${item key}|${branch}` → the item as it was before its type was switched away (switching back restores it). */
  stash: Map<string, Json>;
  /** List pointer → how many items are rendered (long lists render in pages: a 5,000-entry directory would freeze the page). */
  shown: Map<string, number>;
}
/** Items rendered per list before a “显示更多” button. */
const PAGE = 100;
/** One field being rendered. */
interface F {
  st: State;
  node: SNode;
  value: unknown;
  path: readonly Seg[];
  ptr: string;
  label: string;
  required: boolean;
  hint?: string;
  /** Property name, when the field is a property. */
  name?: string;
  /** Set when the field is an item of a list. */
  item?: { list: F; key: string; index: number; count: number };
  /** Says which field this is among others of the same label (button names): '要点', '数据系列 第 1 项 数值'. */
  ctx: string;
}

const states = new WeakMap<HTMLElement, State>();
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const unescapeSeg = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** Free text that can run to paragraphs gets a textarea (checked against the schemas' property names). */
const LONG_TEXT = new Set(['text', 'summary', 'answer', 'description', 'definition', 'detail', 'takeaway', 'before', 'after', 'note', 'content', 'reason', 'explanation']);
/** One-line text that is usually long (a document's full title): the whole row, so staff see it without scrolling the field. */
const WIDE_TEXT = new Set(['title', 'subtitle', 'question']);
/** Lists whose text items are sentences (要点, list block items). */
const LONG_ITEMS = new Set(['keyPoints', 'items']);
const TYPE_WORDS: Record<string, string> = { string: '文字', number: '数字', integer: '整数', boolean: '是/否', array: '列表', object: '一组字段', null: '空值 null' };

// ---------------------------------------------------------------- schema reading

function fileOf(opts: SchemaFormOptions): string {
  const byIdentity = Object.entries(opts.schemas).find(([, s]) => s === opts.schema)?.[0];
  if (byIdentity) return byIdentity;
  const id = typeof opts.schema.$id === 'string' ? opts.schema.$id.split('/').pop() : undefined;
  return id ?? '';
}

function schemaFile(st: State, file: string): Json | undefined {
  return st.opts.schemas[file] ?? (file === st.rootFile ? st.opts.schema : undefined);
}

/** Follows `$ref`s; the referring node's own keywords (title, description) override the target's. */
function resolve(st: State, node: SNode, depth = 0): SNode {
  const ref = node.s.$ref;
  if (typeof ref !== 'string' || depth > 32) return node;
  const [filePart, fragment = ''] = ref.split('#');
  const file = filePart ? filePart.split('/').pop()! : node.file;
  let target: unknown = schemaFile(st, file);
  for (const seg of fragment.split('/').filter(Boolean)) target = isRecord(target) ? target[unescapeSeg(seg)] : undefined;
  const { $ref: _ref, ...own } = node.s;
  if (!isRecord(target)) return { s: own, file: node.file };
  const inner = resolve(st, { s: target, file }, depth + 1);
  const merged = { ...inner.s, ...own };
  // a field that renames a shared definition (标题 → 文本) is not described by the definition's generic help
  if (has(own, 'title') && !has(own, 'description')) delete merged.description;
  return { s: merged, file: inner.file };
}
const sub = (st: State, parent: SNode, s: unknown): SNode | undefined => (isRecord(s) ? resolve(st, { s, file: parent.file }) : undefined);

const typesOf = (s: Json): string[] => (Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : []);
function isType(v: unknown, t: string): boolean {
  switch (t) {
    case 'string':
    case 'boolean':
      return typeof v === t;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return Number.isInteger(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isRecord(v);
    case 'null':
      return v === null;
    default:
      return true;
  }
}
const fits = (v: unknown, types: string[]) => types.length === 0 || types.some((t) => isType(v, t));

interface Branch {
  node: SNode;
  title: string;
  /** The discriminator's value for this branch (`type: "paragraph"`), when the dispatch has one. */
  tag?: unknown;
  test(v: unknown): boolean;
}
interface Dispatch {
  /** The property whose const picks the branch (`type`), when every branch is picked that way. */
  key?: string;
  branches: Branch[];
}

/** `if` as the schemas use it: `required`, `properties.X.const` (a missing property satisfies `properties`), `anyOf` of those. */
function holds(cond: Json, v: unknown): boolean {
  if (!isRecord(v)) return false;
  if (Array.isArray(cond.anyOf) && !cond.anyOf.some((alternative) => isRecord(alternative) && holds(alternative, v))) return false;
  const required = Array.isArray(cond.required) ? (cond.required as string[]) : [];
  if (!required.every((k) => has(v, k))) return false;
  const props = isRecord(cond.properties) ? cond.properties : {};
  return Object.entries(props).every(([k, c]) => !has(v, k) || !isRecord(c) || !has(c, 'const') || v[k] === c.const);
}

/** The if/then(/else) alternatives of an object schema (`allOf` of ifs on blocks, if/then/else on related policies). */
function dispatchOf(st: State, node: SNode): Dispatch | undefined {
  const parts = [...(Array.isArray(node.s.allOf) ? node.s.allOf : []), node.s].filter((p): p is Json => isRecord(p) && isRecord(p.if));
  const branches: (Branch & { key?: string })[] = [];
  for (const part of parts) {
    const cond = part.if as Json;
    const props = isRecord(cond.properties) ? Object.entries(cond.properties) : [];
    const disc = props.length === 1 && !cond.required && isRecord(props[0][1]) && has(props[0][1], 'const') ? ([props[0][0], props[0][1].const] as const) : undefined;
    const then = sub(st, node, part.then);
    if (then) {
      branches.push({
        node: then,
        title: String(then.s.title ?? disc?.[1] ?? ''),
        tag: disc?.[1],
        key: disc?.[0],
        test: disc ? (v) => isRecord(v) && v[disc[0]] === disc[1] : (v) => holds(cond, v),
      });
    }
    const otherwise = sub(st, node, part.else);
    if (otherwise) branches.push({ node: otherwise, title: String(otherwise.s.title ?? ''), test: (v) => !holds(cond, v) });
  }
  if (branches.length === 0) return undefined;
  const key = branches.every((b) => b.key !== undefined && b.key === branches[0].key) ? branches[0].key : undefined;
  return { key, branches };
}

// (an `if` on a list — a chart's categories are unique below 400 of them — does not make it an object)
const isObjectSchema = (s: Json) =>
  typesOf(s).includes('object') ||
  isRecord(s.properties) ||
  (!typesOf(s).includes('array') && (isRecord(s.if) || (Array.isArray(s.allOf) && s.allOf.some((p) => isRecord(p) && isRecord(p.if)))));

interface ObjectView {
  props: [string, SNode][];
  required: Set<string>;
  order: string[];
  dispatch?: Dispatch;
  branch: number;
  /** anyOf of `required` alternatives: each entry is one alternative's fields. */
  oneOf: string[][];
}

/** The fields of an object schema for this value: its own properties plus those of the branch the value picks. */
function objectView(st: State, node: SNode, value: unknown): ObjectView {
  const props = new Map<string, SNode>();
  const required = new Set<string>();
  const oneOf: string[][] = [];
  const add = (n: SNode) => {
    if (isRecord(n.s.properties)) for (const [k, p] of Object.entries(n.s.properties)) if (!props.has(k) && isRecord(p)) props.set(k, resolve(st, { s: p, file: n.file }));
    if (Array.isArray(n.s.required)) for (const k of n.s.required) required.add(String(k));
    if (Array.isArray(n.s.anyOf)) {
      const alternatives = n.s.anyOf.map((a) => (isRecord(a) && Array.isArray(a.required) && Object.keys(a).length === 1 ? (a.required as string[]) : undefined));
      if (alternatives.every(Boolean)) oneOf.push(alternatives.map((a) => a!.join('、')));
    }
  };
  add(node);
  const dispatch = dispatchOf(st, node);
  const branch = dispatch ? dispatch.branches.findIndex((b) => b.test(value)) : -1;
  if (dispatch && branch >= 0) add(dispatch.branches[branch].node);
  return { props: [...props], required, order: [...props.keys()], dispatch, branch, oneOf };
}

/** A minimal value of a schema: consts, required fields with empty defaults, the first branch of a dispatch. */
function skeleton(st: State, node: SNode, depth = 0): unknown {
  const s = node.s;
  if (depth > 12) return undefined;
  if (has(s, 'const')) return s.const;
  if (isObjectSchema(s)) {
    const dispatch = dispatchOf(st, node);
    const view = objectView(st, node, dispatch ? skeleton(st, dispatch.branches[0].node, depth + 1) : undefined);
    const out: Json = {};
    for (const [k, p] of view.props) {
      if (!view.required.has(k)) continue;
      const v = skeleton(st, p, depth + 1);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  const types = typesOf(s);
  if (Array.isArray(s.enum)) return s.enum[0];
  if (types.includes('array')) {
    const items = sub(st, node, s.items);
    const min = typeof s.minItems === 'number' ? Math.min(s.minItems, 3) : 0;
    return Array.from({ length: items ? min : 0 }, () => itemSkeleton(st, items!, depth + 1));
  }
  if (types.includes('string')) return '';
  return undefined;
}
/** A list item must be something: numbers start at 0, yes/no at false. */
function itemSkeleton(st: State, node: SNode, depth = 0): unknown {
  const v = skeleton(st, node, depth);
  if (v !== undefined) return v;
  const types = typesOf(node.s);
  return types.includes('boolean') ? false : types.includes('number') || types.includes('integer') ? 0 : '';
}

// ---------------------------------------------------------------- editing

/** `obj` with `key` set (or removed when `value` is undefined); a new key goes in the schema's order among the keys present. */
function withKey(obj: Json, key: string, value: unknown, order?: readonly string[]): Json {
  if (value === undefined) {
    if (!has(obj, key)) return obj;
    return Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));
  }
  if (has(obj, key)) return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, k === key ? value : v]));
  const entries = Object.entries(obj);
  const rank = (k: string) => order?.indexOf(k) ?? -1;
  const mine = rank(key);
  let at = entries.length;
  if (mine >= 0) {
    const before = entries.map(([k]) => rank(k)).reduce((last, r, i) => (r >= 0 && r < mine ? i : last), -1);
    if (before >= 0) at = before + 1;
    else {
      const after = entries.findIndex(([k]) => rank(k) > mine);
      if (after >= 0) at = after;
    }
  }
  entries.splice(at, 0, [key, value]);
  return Object.fromEntries(entries);
}
const isEmpty = (v: unknown) => (Array.isArray(v) ? v.length === 0 : isRecord(v) && Object.keys(v).length === 0);

function setIn(cur: unknown, path: readonly Seg[], i: number, next: unknown): unknown {
  if (i === path.length) return next;
  const seg = path[i];
  const deeper = i + 1 < path.length;
  if (typeof seg.key === 'number') {
    const arr = Array.isArray(cur) ? cur.slice() : [];
    const child = setIn(arr[seg.key] ?? (deeper ? seg.make?.() : undefined), path, i + 1, next);
    if (child !== undefined) arr[seg.key] = child;
    return arr;
  }
  const obj = isRecord(cur) ? cur : {};
  let child = setIn(has(obj, seg.key) ? obj[seg.key] : deeper ? seg.make?.() : undefined, path, i + 1, next);
  // a removal that leaves an optional group empty removes the group ({} or [] would only draw “blank” errors)
  if (deeper && next === undefined && seg.optional && isEmpty(child)) child = undefined;
  return withKey(obj, seg.key, child, seg.order);
}

function set(f: F, next: unknown, dropIssuesUnder?: string): void {
  const st = f.st;
  const root = st.value === undefined && f.path.length ? skeleton(st, { s: st.opts.schema, file: st.rootFile }) : st.value;
  st.value = setIn(root, f.path, 0, next);
  // after a structural change, issues below it point at other items now: the page sends fresh ones
  if (dropIssuesUnder !== undefined) st.issues = st.issues.filter((i) => i.path !== dropIssuesUnder && !i.path.startsWith(`${dropIssuesUnder}/`));
  st.opts.onChange(st.value, f.ptr);
  draw(st);
}

function keysOf(st: State, ptr: string, length: number): string[] {
  let keys = st.keys.get(ptr);
  if (!keys) st.keys.set(ptr, (keys = []));
  while (keys.length < length) keys.push(`k${st.nextKey++}`);
  keys.length = length;
  return keys;
}

/** Moves the item keys of lists inside a list's items along with the items (index `from` → `to(from)`, undefined: gone). */
function remapNested(st: State, listPtr: string, to: (index: number) => number | undefined): void {
  const prefix = `${listPtr}/`;
  const moved = new Map<string, string[]>();
  for (const [ptr, keys] of [...st.keys]) {
    if (!ptr.startsWith(prefix)) continue;
    const rest = ptr.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) continue;
    st.keys.delete(ptr);
    const index = to(Number(rest.slice(0, slash)));
    if (index !== undefined) moved.set(`${prefix}${index}${rest.slice(slash)}`, keys);
  }
  for (const [ptr, keys] of moved) st.keys.set(ptr, keys);
}

function focusIn(el: Element | null | undefined): boolean {
  const control = el?.querySelector<HTMLElement>('input[data-zwf-ptr], select[data-zwf-ptr], textarea[data-zwf-ptr], button[data-zwf-ptr]');
  if (!control) return false;
  control.focus();
  return true;
}
const listEl = (st: State, ptr: string) => st.container.querySelector(`[data-zwf-list="${CSS.escape(ptr)}"]`);
const itemEl = (st: State, listPtr: string, key: string) => listEl(st, listPtr)?.querySelector(`:scope > ol > li[data-key="${CSS.escape(key)}"]`);
const addButton = (st: State, listPtr: string) => listEl(st, listPtr)?.querySelector<HTMLElement>(':scope > .zwf-add');

function addItem(list: F, itemNode: SNode): void {
  const st = list.st;
  const arr = Array.isArray(list.value) ? list.value : [];
  const keys = keysOf(st, list.ptr, arr.length);
  keys.push(`k${st.nextKey++}`);
  if ((st.shown.get(list.ptr) ?? PAGE) < keys.length) st.shown.set(list.ptr, keys.length);
  set(list, [...arr, itemSkeleton(st, itemNode)], list.ptr);
  focusIn(itemEl(st, list.ptr, keys[keys.length - 1]));
}

function removeItem(list: F, key: string): void {
  const st = list.st;
  const arr = Array.isArray(list.value) ? list.value : [];
  const keys = keysOf(st, list.ptr, arr.length);
  const index = keys.indexOf(key);
  if (index < 0) return;
  keys.splice(index, 1);
  remapNested(st, list.ptr, (i) => (i === index ? undefined : i > index ? i - 1 : i));
  const next = arr.filter((_, i) => i !== index);
  set(list, next.length === 0 && !list.required ? undefined : next, list.ptr);
  if (!focusIn(index < keys.length ? itemEl(st, list.ptr, keys[index]) : undefined)) addButton(st, list.ptr)?.focus();
}

function moveItem(list: F, key: string, by: -1 | 1): void {
  const st = list.st;
  const arr = Array.isArray(list.value) ? list.value.slice() : [];
  const keys = keysOf(st, list.ptr, arr.length);
  const from = keys.indexOf(key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= arr.length) return;
  [arr[from], arr[to]] = [arr[to], arr[from]];
  [keys[from], keys[to]] = [keys[to], keys[from]];
  remapNested(st, list.ptr, (i) => (i === from ? to : i === to ? from : i));
  set(list, arr, list.ptr);
  // focus stays on the button pressed; at an end (now disabled) on the other move button
  const tools = itemEl(st, list.ptr, key)?.querySelector(`.zwf-tools[data-for="${CSS.escape(key)}"]`);
  const same = tools?.querySelector<HTMLButtonElement>(`[data-act="${by < 0 ? 'up' : 'down'}"]`);
  const other = tools?.querySelector<HTMLButtonElement>(`[data-act="${by < 0 ? 'down' : 'up'}"]`);
  const target = same && !same.disabled ? same : other && !other.disabled ? other : tools?.querySelector<HTMLButtonElement>('[data-act="remove"]');
  target?.focus();
}

/** Switches a dispatched object to another branch: keeps the fields the new branch also has, adds its required ones. */
function switchBranch(f: F, view: ObjectView, to: number): void {
  const st = f.st;
  const d = view.dispatch!;
  if (to === view.branch || !d.branches[to]) return;
  const old = isRecord(f.value) ? f.value : {};
  const stashKey = f.item?.key ?? f.ptr;
  st.stash.set(`${stashKey}|${view.branch}`, old);
  const target = d.branches[to];
  const fresh = skeleton(st, target.node);
  const seed: Json = { ...(isRecord(fresh) ? fresh : {}), ...(st.stash.get(`${stashKey}|${to}`) ?? {}) };
  const next: Json = {};
  for (const [k] of objectView(st, f.node, seed).props) {
    if (d.key === k) next[k] = target.tag;
    else if (has(old, k)) next[k] = old[k];
    else if (has(seed, k)) next[k] = seed[k];
  }
  set({ ...f, ptr: d.key ? `${f.ptr}/${escapePointer(d.key)}` : f.ptr }, next, f.ptr);
}

// ---------------------------------------------------------------- directives

/** Sets an input's value only when it differs from what the input shows (in the field's sense): keeps the caret while typing. */
class SyncValue extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('syncValue is an element directive');
  }
  render(_text: string, _same: (shown: string) => boolean) {
    return noChange;
  }
  override update(part: ElementPart, [text, same]: [string, (shown: string) => boolean]) {
    const el = part.element as HTMLInputElement | HTMLTextAreaElement;
    if (!same(el.value)) el.value = text;
    return noChange;
  }
}
const syncValue = directive(SyncValue);

/** Opens a <details> when its group gets data; never closes it (staff may have opened it to fill it in). */
class OpenWhen extends Directive {
  private last = false;
  render(_open: boolean) {
    return noChange;
  }
  override update(part: ElementPart, [open]: [boolean]) {
    if (open && !this.last) (part.element as HTMLDetailsElement).open = true;
    this.last = open;
    return noChange;
  }
}
const openWhen = directive(OpenWhen);

// ---------------------------------------------------------------- rendering

const idOf = (st: State, ptr: string) => st.prefix + (ptr === '' ? 'root' : ptr.replace(/[^A-Za-z0-9]/g, (c) => (c === '/' ? '-' : `_${c.charCodeAt(0).toString(16)}_`)));
const labelText = (f: F) => (f.required ? `${f.label}（必填）` : f.label);

/** Issues at `ptr`, and those below it that no rendered child takes (`taken(segment)`; leaves take none). */
function issuesFor(st: State, ptr: string, taken?: (segment: string) => boolean): FormIssue[] {
  return st.issues.filter((i) => {
    if (i.path === ptr) return true;
    if (!i.path.startsWith(`${ptr}/`)) return false;
    if (!taken) return true;
    const rest = i.path.slice(ptr.length + 1);
    const seg = rest.split('/')[0];
    return !taken(unescapeSeg(seg));
  });
}

/** Hint and issue messages of a field, and the ids a control refers to with aria-describedby. */
function notes(f: F, id: string, issues: FormIssue[], extraHint?: string) {
  const hintId = `${id}-hint`;
  const ruleId = `${id}-rule`;
  const ids = [f.hint ? hintId : '', extraHint ? ruleId : '', ...issues.map((_, n) => `${id}-issue${n}`)].filter(Boolean).join(' ');
  return {
    describedBy: ids || undefined,
    invalid: issues.some((i) => i.severity === 'error') ? 'true' : undefined,
    hint: html`${f.hint ? html`<p class="zwf-hint" id=${hintId}>${f.hint}</p>` : nothing}${extraHint ? html`<p class="zwf-hint zwf-rule" id=${ruleId}>${extraHint}</p>` : nothing}`,
    issues: issueList(id, issues),
  };
}
function issueList(id: string, issues: FormIssue[]) {
  if (!issues.length) return nothing;
  return html`<ul class="zwf-issues">
    ${issues.map((i, n) => html`<li class="zwf-issue ${i.severity}" id=${`${id}-issue${n}`}>${i.severity === 'error' ? '错误：' : '提示：'}${i.message}</li>`)}
  </ul>`;
}

function tools(f: F) {
  if (!f.item) return nothing;
  const { list, key, index, count } = f.item;
  const which = `第 ${index + 1} 项 ${list.ctx}`;
  return html`<div class="zwf-tools" data-for=${key}>
    <button type="button" class="zwf-btn zwf-tool" data-act="up" aria-label=${`上移 ${which}`} ?disabled=${index === 0} @click=${() => moveItem(list, key, -1)}>上移</button>
    <button type="button" class="zwf-btn zwf-tool" data-act="down" aria-label=${`下移 ${which}`} ?disabled=${index === count - 1} @click=${() => moveItem(list, key, 1)}>下移</button>
    <button type="button" class="zwf-btn zwf-tool zwf-remove" data-act="remove" aria-label=${`删除 ${which}`} @click=${() => removeItem(list, key)}>删除</button>
  </div>`;
}

function field(f: F): TemplateResult {
  const s = f.node.s;
  if (has(s, 'const')) return constField(f);
  const types = typesOf(s);
  if (isObjectSchema(s)) return f.value === undefined || isRecord(f.value) ? objectField(f) : wrongType(f, ['object']);
  if (types.includes('array')) return f.value === undefined || Array.isArray(f.value) ? listField(f) : wrongType(f, ['array']);
  if (Array.isArray(s.enum)) return f.value !== null && typeof f.value === 'object' ? wrongType(f, types) : selectField(f);
  if (f.value !== undefined && !fits(f.value, types)) return wrongType(f, types);
  if (types.includes('boolean')) return checkField(f);
  if (types.includes('string')) return textField(f, types);
  if (types.includes('number') || types.includes('integer')) return numberField(f, types.includes('integer'));
  return wrongType(f, types);
}

function leaf(f: F, id: string, control: (n: ReturnType<typeof notes>) => TemplateResult, extraHint?: string, wide = false) {
  const n = notes(f, id, issuesFor(f.st, f.ptr), extraHint);
  return html`<div class="zwf-field ${wide ? 'zwf-wide' : ''} ${f.item ? 'zwf-item-field' : ''}">
    <label class="zwf-label" for=${id}>${labelText(f)}</label>
    ${n.hint}
    <div class="zwf-row">${control(n)}${tools(f)}</div>
    ${n.issues}
  </div>`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (v: string) => DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

function textField(f: F, types: string[]): TemplateResult {
  const s = f.node.s;
  const id = idOf(f.st, f.ptr);
  const number = types.includes('number') || types.includes('integer');
  const current = f.value;
  const shown = current === undefined ? '' : String(current);
  // text to value: '' removes; a number where the schema allows one and the value is (or the schema prefers) a number
  const toValue = (text: string): unknown => {
    if (text === '') return undefined;
    if (number && /^-?\d+(\.\d+)?$/.test(text) && (typeof current === 'number' || types[0] !== 'string')) return Number(text);
    return text;
  };
  const onInput = (e: Event) => {
    const text = (e.target as HTMLInputElement).value;
    const next = toValue(text);
    set(f, next === undefined && f.item ? '' : next);
  };
  const same = (text: string) => {
    const v = toValue(text);
    return v === current || (v === undefined && (current === undefined || current === ''));
  };
  const listName = f.item?.list.name;
  const long = types.length === 1 && (LONG_TEXT.has(f.name ?? '') || (!!listName && LONG_ITEMS.has(listName)) || shown.length > 60 || shown.includes('\n'));
  if (long) {
    const rows = Math.min(
      14,
      Math.max(
        2,
        shown.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 34)), 0),
      ),
    );
    return leaf(
      f,
      id,
      (n) => html`<textarea
        id=${id}
        class="zwf-control"
        data-zwf-ptr=${f.ptr}
        rows=${rows}
        aria-describedby=${ifDefined(n.describedBy)}
        aria-invalid=${ifDefined(n.invalid)}
        ${syncValue(shown, same)}
        @input=${onInput}
      ></textarea>`,
      undefined,
      true,
    );
  }
  // a stored date the date picker cannot show (2019/7/30) stays visible as text, to be corrected
  const date = s.format === 'date' && (current === undefined || (typeof current === 'string' && realDate(current)));
  // the schemas' url pattern starts by allowing http(s): (type=url would refuse the relative addresses it allows)
  const url = s.format === 'uri' || String(s.pattern ?? '').startsWith('^(?:[Hh][Tt][Tt][Pp]') || f.name === 'url' || /Url$/.test(f.name ?? '');
  return leaf(
    f,
    id,
    (n) => html`<input
      type=${date ? 'date' : 'text'}
      id=${id}
      class="zwf-control"
      data-zwf-ptr=${f.ptr}
      inputmode=${ifDefined(url ? 'url' : undefined)}
      spellcheck=${url ? 'false' : 'true'}
      aria-describedby=${ifDefined(n.describedBy)}
      aria-invalid=${ifDefined(n.invalid)}
      ${syncValue(shown, same)}
      @input=${onInput}
    />`,
    s.format === 'date' && !date ? '日期请写成 YYYY-MM-DD，改对后可用日期选择器。' : undefined,
    WIDE_TEXT.has(f.name ?? ''),
  );
}

function numberField(f: F, integer: boolean): TemplateResult {
  const s = f.node.s;
  const id = idOf(f.st, f.ptr);
  const current = f.value;
  const same = (text: string) => (text === '' ? current === undefined : Number(text) === current);
  return leaf(
    f,
    id,
    (n) => html`<input
      type="number"
      id=${id}
      class="zwf-control zwf-number"
      data-zwf-ptr=${f.ptr}
      min=${ifDefined(typeof s.minimum === 'number' ? s.minimum : undefined)}
      max=${ifDefined(typeof s.maximum === 'number' ? s.maximum : undefined)}
      step=${integer ? '1' : 'any'}
      aria-describedby=${ifDefined(n.describedBy)}
      aria-invalid=${ifDefined(n.invalid)}
      ${syncValue(current === undefined ? '' : String(current), same)}
      @input=${(e: Event) => {
        const el = e.target as HTMLInputElement;
        if (el.validity.badInput) return; // half-typed ("1e"): wait for a number
        if (el.value === '') {
          if (!f.item) set(f, undefined); // a list of numbers keeps the old one until a new one is typed
          return;
        }
        const v = Number(el.value);
        if (Number.isFinite(v)) set(f, v);
      }}
    />`,
  );
}

function checkField(f: F): TemplateResult {
  const id = idOf(f.st, f.ptr);
  const n = notes(f, id, issuesFor(f.st, f.ptr));
  return html`<div class="zwf-field zwf-check">
    <div class="zwf-row">
      <label class="zwf-check-label" for=${id}>
        <input
          type="checkbox"
          id=${id}
          data-zwf-ptr=${f.ptr}
          aria-describedby=${ifDefined(n.describedBy)}
          aria-invalid=${ifDefined(n.invalid)}
          .checked=${live(f.value === true)}
          @change=${(e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            set(f, on ? true : f.required || f.item ? false : undefined);
          }}
        />
        <span>${labelText(f)}</span>
      </label>
      ${tools(f)}
    </div>
    ${n.hint} ${n.issues}
  </div>`;
}

/** Chinese terms of an enum's values (ENUM_TERMS is keyed by the values joined with ', '). */
function termsOf(values: unknown[]): string[] {
  const terms = ENUM_TERMS[values.join(', ')]?.();
  return values.map((v, i) => terms?.[i] ?? String(v));
}

function selectField(f: F, pick?: (value: unknown) => void, choices?: { values: unknown[]; labels: string[] }): TemplateResult {
  const values = choices?.values ?? (f.node.s.enum as unknown[]);
  const labels = choices?.labels ?? termsOf(values);
  const id = idOf(f.st, f.ptr);
  const current = f.value;
  const known = values.some((v) => v === current);
  const choose = pick ?? ((v: unknown) => set(f, v));
  return leaf(
    f,
    id,
    (n) => html`<select
      id=${id}
      class="zwf-control"
      data-zwf-ptr=${f.ptr}
      aria-describedby=${ifDefined(n.describedBy)}
      aria-invalid=${ifDefined(n.invalid)}
      @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        if (v === 'unset') choose(undefined);
        else if (v !== 'kept') choose(values[Number(v)]);
      }}
    >
      ${!f.required || current === undefined ? html`<option value="unset" .selected=${live(current === undefined)}>${f.required ? '（请选择）' : '（不填）'}</option>` : nothing}
      ${current !== undefined && !known ? html`<option value="kept" .selected=${live(true)}>${typeof current === 'string' ? current : JSON.stringify(current)}（不允许的值，请改选）</option>` : nothing}
      ${values.map((v, i) => html`<option value=${String(i)} .selected=${live(v === current)}>${labels[i]}</option>`)}
    </select>`,
  );
}

function constField(f: F): TemplateResult {
  const id = idOf(f.st, f.ptr);
  const expected = f.node.s.const;
  const n = notes(f, id, issuesFor(f.st, f.ptr));
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const text = f.value === undefined ? `${show(expected)}（JSON 中缺少这一项）` : f.value === expected ? show(expected) : `${show(f.value)}（应为 ${show(expected)}）`;
  return html`<div class="zwf-field zwf-const">
    <span class="zwf-label">${f.label}</span>
    <span class="zwf-const-value" id=${id} data-zwf-ptr=${f.ptr} tabindex="-1" aria-describedby=${ifDefined(n.describedBy)}>${text}</span>
    ${n.hint} ${n.issues}
  </div>`;
}

function wrongType(f: F, expected: string[]): TemplateResult {
  const id = idOf(f.st, f.ptr);
  const v = f.value;
  const actual = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
  const want = expected.length ? expected.map((t) => TYPE_WORDS[t] ?? t).join('或') : '表单不认识的内容';
  let raw = JSON.stringify(v) ?? String(v);
  if (raw.length > 300) raw = `${raw.slice(0, 300)}…`;
  const msgId = `${id}-wrong`;
  const n = notes(f, id, issuesFor(f.st, f.ptr));
  const refill = () => {
    // a list item or the document must stay something: a fresh skeleton; a property goes, and its empty control shows
    set(f, f.item || f.path.length === 0 ? itemSkeleton(f.st, f.node) : undefined, f.ptr);
    focusField(f.st.container, f.ptr);
  };
  return html`<div class="zwf-field zwf-wide zwf-wrong" data-zwf-group=${f.ptr}>
    <span class="zwf-label">${labelText(f)}</span>
    <p class="zwf-wrong-message" id=${msgId}>这里应是${want}，现在是${TYPE_WORDS[actual] ?? actual}，表单不能编辑，已保留原样。可在 JSON 中修改，或清空后在这里重填。</p>
    <code class="zwf-raw">${raw}</code>
    <div class="zwf-row">
      <button type="button" class="zwf-btn" id=${id} data-zwf-ptr=${f.ptr} aria-label=${`清空并重填 ${f.ctx}`} aria-describedby=${[msgId, n.describedBy].filter(Boolean).join(' ')} @click=${refill}>
        清空并重填
      </button>
      ${tools(f)}
    </div>
    ${n.hint} ${n.issues}
  </div>`;
}

/** A field's help: its description, except an enum's list of values and their terms (the choices show the terms). */
function helpOf(s: Json): string | undefined {
  if (typeof s.description !== 'string') return undefined;
  if (Array.isArray(s.enum) && ENUM_TERMS[s.enum.join(', ')]) return undefined;
  return s.description;
}

function child(f: F, key: string, node: SNode, view: ObjectView): F {
  const obj = isRecord(f.value) ? f.value : undefined;
  const label = String(node.s.title ?? key);
  const inItem = f.item || f.ctx !== f.label;
  return {
    st: f.st,
    node,
    value: obj && has(obj, key) ? obj[key] : undefined,
    path: [...f.path, { key, order: view.order, optional: !view.required.has(key), make: () => skeleton(f.st, node) }],
    ptr: `${f.ptr}/${escapePointer(key)}`,
    label,
    required: view.required.has(key),
    hint: helpOf(node.s),
    name: key,
    ctx: inItem && f.path.length ? `${f.ctx} ${label}` : label,
  };
}

function objectField(f: F): TemplateResult {
  const st = f.st;
  const view = objectView(st, f.node, f.value);
  const obj = isRecord(f.value) ? f.value : undefined;
  const known = new Set(view.order);
  const extra = obj ? Object.keys(obj).filter((k) => !known.has(k)) : [];
  const id = idOf(st, f.ptr);
  const rule = view.oneOf
    .map((alternatives) => {
      const names = alternatives.map((keys) =>
        keys
          .split('、')
          .map((k) => `“${String(view.props.find(([p]) => p === k)?.[1].s.title ?? k)}”`)
          .join('和'),
      );
      return `${names.join('、')}至少填写一项${alternatives.length === 2 ? '（二选一）' : ''}。`;
    })
    .join(' ');
  const n = notes(
    f,
    id,
    issuesFor(st, f.ptr, (seg) => known.has(seg)),
    rule || undefined,
  );
  const d = view.dispatch;
  const branchPicker =
    d && !d.key
      ? selectField(
          { ...f, label: '类型', required: true, hint: undefined, item: undefined, value: view.branch >= 0 ? view.branch : undefined, ptr: `${f.ptr}#branch`, name: undefined },
          (v) => v !== undefined && switchBranch(f, view, Number(v)),
          { values: d.branches.map((_, i) => i), labels: d.branches.map((b) => b.title) },
        )
      : nothing;
  const fields = repeat(
    view.props,
    ([k]) => k,
    ([k, node]) => {
      const c = child(f, k, node, view);
      if (d?.key === k && Array.isArray(node.s.enum)) {
        return selectField(c, (v) => {
          const to = d.branches.findIndex((b) => b.tag === v);
          if (to >= 0) switchBranch(f, view, to);
        });
      }
      return field(c);
    },
  );
  const body = html`
    ${n.hint} ${n.issues} ${tools(f)}
    <div class="zwf-grid">${branchPicker}${fields}</div>
    ${extra.length ? html`<p class="zwf-note">这些字段表单不能编辑，保留原样，请在 JSON 中修改：${extra.join('、')}</p>` : nothing}
  `;
  const legend = f.item ? `${f.label}${view.branch >= 0 && d ? ` · ${d.branches[view.branch].title}` : ''}` : labelText(f);
  const group = (hiddenLegend: boolean) =>
    html`<fieldset class="zwf-group ${f.path.length ? '' : 'zwf-root'}" data-zwf-group=${f.ptr} aria-describedby=${ifDefined(n.describedBy)}>
      <legend class="zwf-legend ${hiddenLegend ? 'zwf-vh' : ''}">${legend}</legend>
      ${body}
    </fieldset>`;
  // optional groups fold away (details/summary: keyboard friendly); the count says when something inside needs attention
  if (f.path.length && !f.required && !f.item) {
    const inside = st.issues.filter((i) => i.path === f.ptr || i.path.startsWith(`${f.ptr}/`)).length;
    return html`<details class="zwf-details zwf-wide" ${openWhen(obj !== undefined)}>
      <summary class="zwf-summary">${f.label}<span class="zwf-summary-note">${obj === undefined ? '（选填，未填写）' : '（选填）'}${inside ? `（${inside} 个问题）` : ''}</span></summary>
      ${group(true)}
    </details>`;
  }
  return html`<div class="zwf-wide">${group(false)}</div>`;
}

function listField(f: F): TemplateResult {
  const st = f.st;
  const s = f.node.s;
  const arr = Array.isArray(f.value) ? f.value : [];
  const itemNode = sub(st, f.node, s.items);
  if (!itemNode) return wrongType(f, []);
  const keys = keysOf(st, f.ptr, arr.length);
  const objectItems = isObjectSchema(itemNode.s) || typesOf(itemNode.s).includes('array');
  const noun = f.item ? '一项' : objectItems && typeof itemNode.s.title === 'string' ? itemNode.s.title : f.label;
  const rules = [typeof s.minItems === 'number' && s.minItems > 0 ? `至少 ${s.minItems} 项。` : '', s.uniqueItems ? '各项不能重复。' : ''].filter(Boolean).join('');
  const id = idOf(st, f.ptr);
  const visible = Math.min(arr.length, st.shown.get(f.ptr) ?? PAGE);
  const n = notes(
    f,
    id,
    issuesFor(st, f.ptr, (seg) => /^\d+$/.test(seg) && Number(seg) < visible),
    rules || undefined,
  );
  const ctx = f.ctx;
  const listF = f;
  const itemF = (key: string, index: number): F => ({
    st,
    node: itemNode,
    value: arr[index],
    path: [...f.path, { key: index }],
    ptr: `${f.ptr}/${index}`,
    label: `第 ${index + 1} 项`,
    required: false,
    item: { list: listF, key, index, count: arr.length },
    ctx: `${ctx} 第 ${index + 1} 项`,
  });
  return html`<fieldset
    class="zwf-group zwf-list zwf-wide"
    data-zwf-group=${f.ptr}
    data-zwf-list=${f.ptr}
    aria-describedby=${ifDefined(n.describedBy)}
  >
    <legend class="zwf-legend">${labelText(f)}</legend>
    ${tools(f)} ${n.hint} ${n.issues}
    <ol class="zwf-items">
      ${repeat(
        keys.slice(0, visible),
        (k) => k,
        (k, i) => html`<li class="zwf-item" data-key=${k}>${field(itemF(k, i))}</li>`,
      )}
    </ol>
    ${arr.length === 0 ? html`<p class="zwf-empty">还没有${noun}。</p>` : nothing}
    ${
      visible < arr.length
        ? html`<button
          type="button"
          class="zwf-btn zwf-more"
          @click=${() => {
            st.shown.set(f.ptr, visible + PAGE);
            draw(st);
            focusIn(itemEl(st, f.ptr, keys[visible]));
          }}
        >
          再显示 ${Math.min(PAGE, arr.length - visible)} 项${noun}（共 ${arr.length} 项）
        </button>`
        : nothing
    }
    <button type="button" class="zwf-btn zwf-add" @click=${() => addItem(listF, itemNode)}>添加${noun}</button>
  </fieldset>`;
}

function draw(st: State): void {
  const root: F = {
    st,
    node: { s: st.opts.schema, file: st.rootFile },
    value: st.value,
    path: [],
    ptr: '',
    label: String(st.opts.schema.title ?? '文档'),
    required: false,
    hint: typeof st.opts.schema.description === 'string' ? st.opts.schema.description : undefined,
    ctx: '',
  };
  render(html`<div class="zwf">${field(root)}</div>`, st.container);
}

/** Renders (or re-renders in place, keeping focus and caret) the form for `options.value` into `container`. */
export function renderSchemaForm(container: HTMLElement, options: SchemaFormOptions): void {
  let st = states.get(container);
  if (!st || st.opts.schema !== options.schema) {
    st = { container, opts: options, value: undefined, issues: [], prefix: '', rootFile: '', keys: new Map(), nextKey: 0, stash: new Map(), shown: new Map() };
    states.set(container, st);
  }
  st.opts = options;
  st.value = options.value;
  st.issues = options.issues;
  st.prefix = options.idPrefix ?? 'zwf-';
  st.rootFile = fileOf(options);
  draw(st);
}

/**
 * Focuses the control for `pointer`, else that of its nearest rendered ancestor (a group's first control),
 * opening any folded <details> on the way and scrolling it into view. False when nothing could take focus.
 */
export function focusField(container: HTMLElement, pointer: string): boolean {
  // an item beyond a long list's first page: render up to it first
  const st = states.get(container);
  if (st) {
    const segs = pointer.split('/');
    let grew = false;
    for (let i = 1; i < segs.length; i++) {
      const list = segs.slice(0, i).join('/');
      const index = Number(segs[i]);
      if (st.keys.has(list) && Number.isInteger(index) && index >= (st.shown.get(list) ?? PAGE) && index < st.keys.get(list)!.length) {
        st.shown.set(list, Math.ceil((index + 1) / PAGE) * PAGE);
        grew = true;
      }
    }
    if (grew) draw(st);
  }
  let p = pointer;
  for (;;) {
    const control = container.querySelector<HTMLElement>(`[data-zwf-ptr="${CSS.escape(p)}"]`);
    const group = control ? null : container.querySelector<HTMLElement>(`[data-zwf-group="${CSS.escape(p)}"]`);
    let target = control ?? group?.querySelector<HTMLElement>('input[data-zwf-ptr], select[data-zwf-ptr], textarea[data-zwf-ptr], button[data-zwf-ptr]') ?? null;
    if (!target && group) {
      group.tabIndex = -1;
      target = group;
    }
    if (target) {
      for (let d = target.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'center' });
      return target.ownerDocument.activeElement === target || target.getRootNode() !== target.ownerDocument;
    }
    if (p === '') return false;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
