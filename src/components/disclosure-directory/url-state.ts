import { paramsToQuery, queryToParams } from '../../core/directory/contract.js';
import type { DirectoryQuery } from '../../core/directory/types.js';

/**
 * A directory's state in the page address: `?zwd.q=…&zwd.column=…&zwd.page=2`, in the same parameter names
 * as the remote contract (core/directory/contract.ts), under a prefix per directory so that two directories
 * on one page never overwrite each other. Other parameters and the fragment are kept as they are.
 */

/** Prefixes in use on this page, by the directory using them: first come, first served; released on disconnect. */
const claimed = new Map<string, Element>();

/**
 * The prefix a directory uses: `wanted` (its `url-prefix`, else its id) when given, else `zwd`, `zwd2`, `zwd3`…,
 * the first not taken by another directory. An explicit prefix is honoured even when taken (the page asked for it).
 */
export function claimPrefix(owner: Element, wanted?: string): string {
  release(owner);
  let prefix = wanted;
  if (!prefix) {
    prefix = 'zwd';
    for (let n = 2; claimed.has(prefix) && claimed.get(prefix) !== owner; n++) prefix = `zwd${n}`;
  }
  if (!claimed.has(prefix)) claimed.set(prefix, owner);
  return prefix;
}

/** Frees the prefixes a directory held (it left the page). */
export function release(owner: Element): void {
  for (const [prefix, el] of claimed) if (el === owner) claimed.delete(prefix);
}

/** Whether the address holds any state for `prefix`. */
export function hasState(prefix: string, search = location.search): boolean {
  const start = `${prefix}.`;
  for (const key of new URLSearchParams(search).keys()) if (key.startsWith(start)) return true;
  return false;
}

/** The state the address holds for `prefix` (validated and clamped by the contract), or undefined when it holds none. */
export function readState(prefix: string, search = location.search): DirectoryQuery | undefined {
  if (!hasState(prefix, search)) return undefined;
  return paramsToQuery(new URLSearchParams(search), `${prefix}.`);
}

/** The address with `query` as this prefix's state, everything else of the address kept. */
export function addressWith(prefix: string, query: DirectoryQuery, href = location.href): string {
  const url = new URL(href);
  const start = `${prefix}.`;
  const kept = [...url.searchParams].filter(([key]) => !key.startsWith(start));
  const params = new URLSearchParams(kept);
  for (const [key, value] of queryToParams(query, start)) params.append(key, value);
  url.search = params.toString();
  return url.href;
}

/**
 * Replacements waiting to be written, by prefix. Typing replaces the history entry, but not per keystroke:
 * `history.replaceState` costs milliseconds (tens on a busy page) and Chromium ignores it past 200 calls in
 * 10 s, so the address follows the box once typing pauses (`REPLACE_MS`), or at once before a push or when
 * the page is left.
 */
const pending = new Map<string, DirectoryQuery>();
let pendingTimer = 0;
/** How long typing must pause before the address follows it. */
export const REPLACE_MS = 300;

/** Writes the waiting replacements now (one `replaceState` for every directory). */
export function flushState(): void {
  clearTimeout(pendingTimer);
  pendingTimer = 0;
  if (!pending.size) return;
  let next = location.href;
  for (const [prefix, query] of pending) next = addressWith(prefix, query, next);
  pending.clear();
  if (next !== location.href) history.replaceState(history.state, '', next);
}

if (typeof window !== 'undefined') {
  // back/forward: the address now says what the state is; a replacement typed before it must not land on the other entry
  addEventListener('popstate', () => {
    clearTimeout(pendingTimer);
    pending.clear();
  });
  // leaving (or a reload, or the page frozen into the back/forward cache): the address holds what was typed
  addEventListener('pagehide', flushState);
}

/**
 * Writes the state: `push` for discrete actions (a column, a filter, a sort, a page: one step of back), at once,
 * after any replacement still waiting; `replace` while typing (back does not replay each keystroke), once typing
 * pauses. Nothing is written when nothing changed. True when the address changes (or will).
 */
export function writeState(prefix: string, query: DirectoryQuery, mode: 'push' | 'replace'): boolean {
  if (mode === 'replace') {
    pending.set(prefix, query);
    clearTimeout(pendingTimer);
    pendingTimer = window.setTimeout(flushState, REPLACE_MS);
    return true;
  }
  flushState();
  const next = addressWith(prefix, query);
  if (next === location.href) return false;
  // history.state is kept: it may belong to the portal's own router
  history.pushState(history.state, '', next);
  return true;
}
