import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PageEventsOptions {
  /** The prefix of the element's anchor ids (`anchor-prefix`): fragments without it belong to someone else. */
  prefix: () => string;
  /** Shows the anchor the address names (its id without the prefix); `instant` on load, as a browser jumps. */
  reveal: (anchorId: string, instant: boolean) => void;
  /** The page is about to print (true) or has printed (false). */
  print?: (printing: boolean) => void;
}

/**
 * What the page tells an element with anchors (`#faq-3`, `#c-12`): the address's fragment on load, on
 * `hashchange` and on back/forward, and printing. Listens only while the element is in the document.
 */
export class PageEventsController implements ReactiveController {
  private readonly follow = () => this.followAddress();
  private readonly beforePrint = () => this.options.print?.(true);
  private readonly afterPrint = () => this.options.print?.(false);

  constructor(
    host: ReactiveControllerHost,
    private readonly options: PageEventsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('hashchange', this.follow);
    addEventListener('popstate', this.follow);
    addEventListener('beforeprint', this.beforePrint);
    addEventListener('afterprint', this.afterPrint);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.follow);
    removeEventListener('popstate', this.follow);
    removeEventListener('beforeprint', this.beforePrint);
    removeEventListener('afterprint', this.afterPrint);
  }

  /** The anchor id (without the prefix) the address's fragment names for this element, if any. */
  anchorInAddress(): string | undefined {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // a malformed fragment (`#100%`): use it as written
    }
    const prefix = this.options.prefix();
    return id && id.startsWith(prefix) && id.length > prefix.length ? id.slice(prefix.length) : undefined;
  }

  /** Shows what the address names, if it is one of this element's anchors. */
  followAddress(instant = false): void {
    const id = this.anchorInAddress();
    if (id !== undefined) this.options.reveal(id, instant);
  }
}
