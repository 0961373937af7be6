/// <reference types="node" />
/**
 * Pre-rendered HTML for CMS publishing steps (`zhengwu-elements render`, and this Node API): an element with its
 * shadow root as declarative shadow DOM (`<template shadowrootmode="open">`, plus the older `shadowroot` attribute
 * Chromium 90–110 read), rendered by Lit's own server rendering (@lit-labs/ssr), and the document's JSON inside it
 * so the element upgrades in place when the script loads (hydration: ./base/hydrate-support.ts).
 *
 * What a crawler or a reader without JavaScript gets is the content itself: headings, text, tables and links in the
 * shadow root, and — for browsers without declarative shadow DOM (Chromium before 90, the older domestic browsers)
 * — the same content once more in the light DOM, in an element no slot takes, so browsers that do attach the shadow
 * root never show it.
 */
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import { createHash } from 'node:crypto';
import { render as renderTemplate } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { escapeJsonForScript, escapeMarkup } from '../core/markup.js';
import { loadLocale, matchLocale, type UiLocale } from '../i18n/locale.js';
import '../index.js';

/** The element for each document `type` (a policy may also be rendered as `zw-reader`, its 正文). */
export const ELEMENT_OF_TYPE = {
  policy: 'zw-policy-card',
  interpretation: 'zw-interpretation',
  infographic: 'zw-infographic',
  comparison: 'zw-policy-compare',
  directory: 'zw-disclosure-directory',
} as const;

export type ElementTag = (typeof ELEMENT_OF_TYPE)[keyof typeof ELEMENT_OF_TYPE] | 'zw-reader';
const TAGS: readonly string[] = [...Object.values(ELEMENT_OF_TYPE), 'zw-reader'];

export interface RenderOptions {
  /** The element to render; by default the one for the document's `type`. */
  element?: ElementTag;
  /** The UI language of the element's own labels (zh-CN by default). */
  lang?: UiLocale | string;
  /** `blue` for the blue theme (red by default). */
  theme?: 'red' | 'blue';
  /** `dark` renders dark colours; `auto` follows the reader's system once the script runs. */
  appearance?: 'light' | 'dark' | 'auto';
  /** The element's main heading level in the page (2 by default). */
  headingLevel?: number;
  /** Other attributes for the element, e.g. `{ layout: 'compact' }` for a card. Values are escaped. */
  attributes?: Record<string, string | boolean>;
}

/**
 * The CSP source expressions (`'sha256-…'`) of the `<style>` each pre-rendered shadow root carries, one per element:
 * a portal whose policy has `style-src 'self'` adds them so the content is styled before the script runs (without
 * them it is readable but unstyled until then, and each `<style>` is reported as a violation). They change only with
 * the library's version.
 */
export function styleHashes(): string[] {
  return TAGS.map((tag) => {
    // What Lit's server renderer writes into each shadow root: the element's styles, concatenated, in one <style>.
    const styles = (customElements.get(tag) as unknown as { elementStyles?: { cssText: string }[] } | undefined)?.elementStyles ?? [];
    const text = styles.map((style) => style.cssText).join('');
    return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  });
}

/** Why a document could not be rendered: a usage mistake (unknown element, type), not a data problem. */
export class RenderError extends Error {}

function elementFor(document: unknown, element?: string): ElementTag {
  if (element !== undefined) {
    if (!TAGS.includes(element)) throw new RenderError(`unknown element <${element}>: one of ${TAGS.join(', ')}`);
    return element as ElementTag;
  }
  const type = document !== null && typeof document === 'object' ? (document as { type?: unknown }).type : undefined;
  const tag = typeof type === 'string' ? (ELEMENT_OF_TYPE as Record<string, ElementTag>)[type] : undefined;
  if (!tag) throw new RenderError(`the document's "type" (${JSON.stringify(type)}) names no element: give --element`);
  return tag;
}

/** Removes Lit's hydration markers of the top-level template (the host element is not hydrated as part of a template). */
const OUTER_MARKERS = /^<!--lit-part [^>]*-->(?:<!--lit-node \d+-->)?|<!--\/lit-part-->$/g;

/**
 * The element's HTML for `document`, pre-rendered: `<zw-…><template shadowrootmode="open">…</template><script
 * type="application/json">…</script>…</zw-…>`. Invalid data renders the element's public error notice, as in the
 * browser. Throws RenderError for an unknown element or a document whose type names none.
 */
export async function render(document: unknown, options: RenderOptions = {}): Promise<string> {
  const tag = elementFor(document, options.element);
  const locale = matchLocale(options.lang ?? 'zh-CN');
  await loadLocale(locale);
  const attributes: Record<string, string | boolean> = {
    ...options.attributes,
    ...(options.lang ? { lang: locale } : {}),
    ...(options.theme === 'blue' ? { theme: 'blue' } : {}),
    ...(options.appearance && options.appearance !== 'light' ? { appearance: options.appearance } : {}),
    ...(options.headingLevel ? { 'heading-level': String(options.headingLevel) } : {}),
  };
  const attributeText = Object.entries(attributes)
    .filter((entry): entry is [string, string | true] => entry[1] !== false)
    .map(([name, value]) => (value === true ? name : `${name}="${escapeMarkup(value)}"`))
    .join(' ');
  const name = unsafeStatic(tag);
  const markup = unsafeStatic(attributeText);
  // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html -- lit/static-html: the tag is a static value (one of TAGS), not a binding
  const rendered = (await collectResult(renderTemplate(html`<${name} ${markup} .data=${document}></${name}>`))).replace(OUTER_MARKERS, '');
  const close = `</${tag}>`;
  if (!rendered.endsWith(close)) throw new Error(`zhengwu-elements: server rendering of <${tag}> returned unexpected markup`);
  const shadow = /<template shadowroot="open" shadowrootmode="open">([\s\S]*)<\/template>/.exec(rendered)?.[1] ?? '';
  const script = `<script type="application/json">\n${escapeJsonForScript(JSON.stringify(document, null, 2))}\n</script>`;
  return `${rendered.slice(0, -close.length)}${script}${noShadowFallback(shadow)}${close}`;
}

/**
 * The content for browsers without declarative shadow DOM: the shadow root's markup without its styles and Lit's
 * markers, in a light-DOM element assigned to a slot that does not exist — a browser that attaches the shadow root
 * (declaratively, or when the script runs) never renders it; one that cannot shows it as plain, readable HTML.
 */
function noShadowFallback(shadow: string): string {
  const content = withoutScriptControls(shadow)
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<!--\/?lit-[^>]*-->/g, '')
    // nested elements (a policy card inside an interpretation) unwrapped too: their content is part of the page's
    .replace(/<template shadowroot[^>]*>|<\/template>/g, '')
    .trim();
  return content ? `<div slot="zw-without-shadow-dom" class="zw-without-shadow-dom">${content}</div>` : '';
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The markup without the elements marked `zw-needs-script` (and what they hold): in the plain copy no style hides them,
 * and a browser without declarative shadow DOM and without the script would show them dead.
 */
function withoutScriptControls(markup: string): string {
  const marked = /<([a-z][a-z0-9-]*)\b[^>]*?\bclass="[^"]*\bzw-needs-script\b[^"]*"[^>]*>/i;
  for (let found = marked.exec(markup); found; found = marked.exec(markup)) {
    const tag = found[1].toLowerCase();
    let end = found.index + found[0].length;
    if (!VOID_ELEMENTS.has(tag)) {
      const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
      tags.lastIndex = end;
      let depth = 1;
      for (let next = tags.exec(markup); next && depth; next = tags.exec(markup)) {
        depth += next[1] ? -1 : 1;
        end = next.index + next[0].length;
      }
    }
    markup = markup.slice(0, found.index) + markup.slice(end);
  }
  return markup;
}
