import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets a DOM property in the browser at every render, and writes nothing on the server: `<option ?selected=${on}
 * ${clientProperty('selected', on)}>`. Why not `.selected=${on}`: Lit's server rendering (@lit-labs/ssr) writes a
 * property binding of a reflected property as its attribute, so `.selected=${false}` comes out as `selected="false"` —
 * every option selected (the last one shown), every checkbox checked. The boolean attribute binding beside it gives the
 * server and a fresh render the right default; this keeps the live state right once the reader changed it (an
 * option's or a checkbox's attribute no longer counts after that).
 */
class ClientProperty extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('clientProperty() belongs on an element: <option ${clientProperty(…)}>');
  }

  render(_name: 'selected' | 'checked', _value: boolean) {
    return nothing;
  }

  override update(part: ElementPart, [name, value]: [name: 'selected' | 'checked', value: boolean]) {
    (part.element as HTMLOptionElement & HTMLInputElement)[name] = value;
    return nothing;
  }
}

export const clientProperty = directive(ClientProperty);
