import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The element's own width, for layouts that depend on it rather than on the
 * screen (a narrow sidebar on a wide screen). Observes the element and its
 * `.zw-root` (which stays a block box even when page CSS makes the host
 * inline), and asks for an update in the next frame when the width or the
 * text size changed: changing layout inside the observer's callback would
 * raise "ResizeObserver loop" errors on the host page.
 *
 *     private readonly size = new WidthController(this);
 *     … this.size.width / this.size.em …
 */
export class WidthController implements ReactiveController {
  /** Width of `.zw-root` (or of the element before its first render), in px, whole; 0 until measured. */
  width = 0;
  /** The element's text size in px (the font size of `.zw-root`, where `--zw-font-size` applies). */
  em = 16;

  private observer?: ResizeObserver;
  private observedRoot?: Element;
  /** The last measure was of `.zw-root` (not of the host, before the first render). */
  private measuredRoot = false;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(() => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (this.measure()) this.host.requestUpdate();
      });
    });
    this.observer.observe(this.host);
    this.observedRoot = undefined;
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  hostUpdate(): void {
    // The first render lays out with a measured width, not a guess; once `.zw-root` exists, its text
    // size replaces the host's (which page CSS reaches) before the next render uses it.
    if (!this.width || (!this.measuredRoot && this.root())) this.measure();
  }

  hostUpdated(): void {
    const root = this.root();
    if (root && root !== this.observedRoot) {
      if (this.observedRoot) this.observer?.unobserve(this.observedRoot);
      this.observer?.observe(root);
      this.observedRoot = root;
    }
  }

  /** Measures now (forces a layout); true if the width or text size changed. */
  measure(): boolean {
    const root = this.root();
    this.measuredRoot = !!root;
    const target = root ?? this.host;
    // Layout sizes, not getBoundingClientRect(): a CSS transform (the demo's scaled desktop preview) must not
    // make a 1200 px layout look narrow. An inline host (a page's `all: unset`) has no offsetWidth: fall back.
    const width = Math.floor(target.offsetWidth || target.getBoundingClientRect().width);
    // Before the first render only the host exists, and the page's CSS reaches its font-size: read the token instead.
    const em = root ? parseFloat(getComputedStyle(root).fontSize) || 16 : parseFloat(getComputedStyle(this.host).getPropertyValue('--zw-font-size')) || 16;
    const changed = Math.abs(width - this.width) >= 1 || em !== this.em;
    this.width = width;
    this.em = em;
    return changed;
  }

  private root(): HTMLElement | undefined {
    return this.host.shadowRoot?.querySelector<HTMLElement>('.zw-root') ?? undefined;
  }
}
