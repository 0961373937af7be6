const warned = new Set<string>();

/**
 * Defines a custom element unless the tag is taken. Two copies of the bundle
 * on one page (a portal template plus a CMS widget, say) must not throw: the
 * first definition wins and the second warns once.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, constructor);
    return;
  }
  if (existing !== constructor && !warned.has(tag)) {
    warned.add(tag);
    console.warn(`[zhengwu-elements] <${tag}> is already defined on this page (two copies of the script?); keeping the first definition.`);
  }
}
