import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { ColumnNode } from '../../core/directory/types.js';

/**
 * The directory's column tree (栏目树): a WAI-ARIA APG single-select tree view
 * (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/) over the 栏目 with a count beside each.
 *
 * It is controlled: the element owns the selected column and the set of open columns (so both can live in
 * the URL) and hears about changes through `onSelect` / `onToggle`; the tree never changes either itself.
 * The first item is 全部栏目 (id `undefined`) with the total. Closed branches are not rendered, so every
 * treeitem in the DOM is a visible one and the keyboard walks them in document order. An open node's
 * `role=group` is its next sibling.
 *
 * Use: `renderColumnTree(options)` inside the element's `.zw-root`, `new ColumnTreeController(this)` in the
 * element (keeps exactly one item tabbable after every update), `columnTreeStyles` in its styles.
 */
export interface ColumnTreeOptions {
  columns: readonly ColumnNode[];
  /** Per column id: entries in it or below it (DirectoryResult.columns). Missing = 0. */
  counts: Readonly<Record<string, number>>;
  /** The selected column; `undefined` = 全部栏目. */
  selected?: string;
  /** Ids of the open columns. */
  expanded: ReadonlySet<string>;
  /** The tree's accessible name (e.g. 栏目). */
  label: string;
  /** Entries in all columns (the 全部栏目 count). */
  totalCount: number;
  /** Enter, Space or a click: the element decides what selecting does. */
  onSelect(id: string | undefined): void;
  /** Open or close a column (→ ←, `*`, the arrow beside a name). */
  onToggle(id: string, open: boolean): void;
  /** Optional type-ahead aid: a name's pinyin initials (e.g. pinyinInitials when the `pinyin` attribute loaded it), so `g` finds 规章. */
  initials?(name: string): string;
}

const ITEM = '[role=treeitem]';
const TREE = '.zw-column-tree';
const idOf = (item: HTMLElement): string | undefined => item.dataset.id;
const nameOf = (item: HTMLElement): string => item.querySelector('.name')?.textContent ?? '';

export function renderColumnTree(o: ColumnTreeOptions): TemplateResult {
  const item = (id: string | undefined, name: string, level: number, setsize: number, posinset: number, children?: readonly ColumnNode[]): TemplateResult => {
    const count = id === undefined ? o.totalCount : (o.counts[id] ?? 0);
    const open = children?.length ? o.expanded.has(id!) : undefined;
    // An open node's group follows it instead of sitting inside it: a treeitem's content is then just its own row
    // (its visible label; levels, sizes and positions are explicit). The name says the count in words.
    return html`<div
        role="treeitem"
        tabindex="-1"
        class=${count ? 'row' : 'row none'}
        data-id=${ifDefined(id)}
        aria-label=${msg(str`${name}，${count} 条`)}
        aria-level=${level}
        aria-setsize=${setsize}
        aria-posinset=${posinset}
        aria-expanded=${ifDefined(open === undefined ? undefined : (String(open) as 'true' | 'false'))}
        aria-selected=${ifDefined(id === o.selected ? 'true' : undefined)}
      >
        <span class="twisty"></span><span class="name">${name}</span><span class="count">${msg(str`（${count}）`)}</span>
      </div>
      ${open ? html`<div role="group">${children!.map((c, i) => item(c.id, c.name, level + 1, children!.length, i + 1, c.children))}</div>` : nothing}`;
  };
  const size = o.columns.length + 1;
  return html`<div
    class="zw-column-tree"
    part="column-tree"
    role="tree"
    aria-label=${o.label}
    @keydown=${(e: KeyboardEvent) => onKey(e, o)}
    @click=${(e: MouseEvent) => onClick(e, o)}
    @focusin=${(e: FocusEvent) => setTabStop(e.currentTarget as HTMLElement, e.target)}
    @focusout=${(e: FocusEvent) => {
      const tree = e.currentTarget as HTMLElement;
      if (!tree.contains(e.relatedTarget as Node | null)) setTabStop(tree, null);
    }}
  >
    ${item(undefined, msg('全部栏目'), 1, size, 1)} ${o.columns.map((c, i) => item(c.id, c.name, 1, size, i + 2, c.children))}
  </div>`;
}

/**
 * Roving tabindex: the focused item while focus is in the tree; otherwise the selected one (APG: a single-select
 * tree takes focus on its selected node), or the first when the selected one is hidden in a closed branch.
 */
function setTabStop(tree: HTMLElement, focused: EventTarget | null): void {
  const items = [...tree.querySelectorAll<HTMLElement>(ITEM)];
  const stop = items.find((i) => i === focused) ?? tree.querySelector<HTMLElement>('[aria-selected=true]') ?? items[0];
  for (const i of items) i.tabIndex = i === stop ? 0 : -1;
}

function moveTo(tree: HTMLElement, item: HTMLElement | null | undefined): void {
  if (!item) return;
  setTabStop(tree, item);
  item.focus();
}

function onClick(e: MouseEvent, o: ColumnTreeOptions): void {
  const target = e.target as HTMLElement;
  const item = target.closest<HTMLElement>(ITEM);
  if (!item) return;
  const open = item.getAttribute('aria-expanded');
  // The arrow opens and closes; the rest of the row selects.
  if (open && target.classList.contains('twisty')) o.onToggle(idOf(item)!, open === 'false');
  else o.onSelect(idOf(item));
}

function onKey(e: KeyboardEvent, o: ColumnTreeOptions): void {
  const tree = e.currentTarget as HTMLElement;
  const item = e.target as HTMLElement;
  if (!item.matches(ITEM) || e.altKey || e.ctrlKey || e.metaKey) return;
  const items = [...tree.querySelectorAll<HTMLElement>(ITEM)];
  const at = items.indexOf(item);
  const id = idOf(item);
  const open = item.getAttribute('aria-expanded');
  const key = e.key;
  switch (key) {
    case 'ArrowDown':
      moveTo(tree, items[at + 1]);
      break;
    case 'ArrowUp':
      moveTo(tree, items[at - 1]);
      break;
    case 'Home':
      moveTo(tree, items[0]);
      break;
    case 'End':
      moveTo(tree, items[items.length - 1]);
      break;
    case 'ArrowRight':
      if (open === 'false') o.onToggle(id!, true);
      else if (open) moveTo(tree, item.nextElementSibling?.firstElementChild as HTMLElement | null);
      break;
    case 'ArrowLeft':
      if (open === 'true') o.onToggle(id!, false);
      else if (item.parentElement!.matches('[role=group]')) moveTo(tree, item.parentElement!.previousElementSibling as HTMLElement);
      break;
    case 'Enter':
    case ' ':
      o.onSelect(id);
      break;
    case '*':
      for (const sibling of item.parentElement!.children) if (sibling.getAttribute('aria-expanded') === 'false') o.onToggle(idOf(sibling as HTMLElement)!, true);
      break;
    default: {
      // Type-ahead: the next item whose name starts with the character typed (a letter, or a Chinese character
      // from an on-screen keyboard or IME), or whose pinyin initials do when `initials` is given.
      if ([...key].length !== 1 || !key.trim()) return;
      const typed = key.toLowerCase();
      const starts = (i: HTMLElement) => {
        const name = nameOf(i);
        return name.toLowerCase().startsWith(typed) || !!o.initials?.(name).toLowerCase().startsWith(typed);
      };
      const n = items.length;
      for (let step = 1; step <= n; step++) {
        const next = items[(at + step) % n];
        if (starts(next)) {
          moveTo(tree, next);
          break;
        }
      }
    }
  }
  e.preventDefault();
}

/**
 * Keeps the column tree in the host's render root keyboard-reachable: after every update exactly one item is
 * tabbable (items come and go as branches open and close). Keyboard handling itself is bound by
 * `renderColumnTree`, which has the callbacks.
 */
export class ColumnTreeController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }) {
    host.addController(this);
  }

  private get tree(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(TREE);
  }

  hostUpdated(): void {
    const tree = this.tree;
    if (tree) setTabStop(tree, (tree.getRootNode() as Document | ShadowRoot).activeElement);
  }

  /** Moves focus into the tree (to its tabbable item); false when no tree is rendered. */
  focus(): boolean {
    const stop = this.tree?.querySelector<HTMLElement>(`${ITEM}[tabindex='0']`);
    stop?.focus();
    return !!stop;
  }
}
