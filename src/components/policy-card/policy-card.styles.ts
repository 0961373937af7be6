import { css } from 'lit';

export const policyCardStyles = css`
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_primary);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  :host([layout='compact']) .card {
    border-top-width: 1px;
    border-inline-start: 4px solid var(--_primary);
    padding: calc(var(--_space) * 0.75) var(--_space);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.5em 0.75em;
  }
  .title {
    flex: 1 1 16em;
    margin: 0;
    font-size: 1.25em;
    line-height: 1.45;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  :host([layout='compact']) .title {
    font-size: 1.0625em;
  }
  .title a {
    color: inherit;
    text-decoration-color: var(--_primary);
  }
  .title a:hover {
    color: var(--_primary);
  }
  /* the directory's search, marked in the title (highlight): the theme's mark colours and a weight, not colour alone */
  mark {
    background: var(--_mark);
    color: var(--_mark-text);
    font-weight: 700;
    border-radius: 2px;
  }
  @media (forced-colors: active) {
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
  }
  .meta {
    display: grid;
    /* as many 20em columns as the card (not the screen) has room for */
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20em), 1fr));
    gap: 0.25em 1.5em;
    margin: var(--_space) 0 0;
  }
  /* label beside value; on a narrow card (a phone at large text) the value goes under its label rather than into a sliver */
  .meta .pair { display: flex; flex-wrap: wrap; column-gap: 0.75em; min-width: 0; }
  /* max-width: at 300% text on a phone an English label is wider than the card: it wraps instead of widening the page */
  .meta dt { flex: none; width: 5.5em; max-width: 100%; color: var(--_muted); }
  :host(:lang(en)) .meta dt { width: 8.5em; }
  .meta dd { flex: 1 1 10em; margin: 0; min-width: 0; overflow-wrap: anywhere; }
  .brief {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    margin: 0.4em 0 0;
    padding: 0;
    list-style: none;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .section { margin-block-start: var(--_space); }
  /* skeleton rows sized like the real ones: 1.7em lines, headings with section spacing */
  .zw-skeleton .bar { margin-block: 0.35em; }
  .zw-skeleton .title { height: 1.6em; margin-block-end: var(--_space); }
  .zw-skeleton .heading { margin-block-start: calc(var(--_space) + 0.35em); }
  .zw-skeleton .button { height: 44px; margin-block-start: var(--_space); }
  :host([layout='compact']) .zw-skeleton { min-height: 5.5em; box-sizing: border-box; }
  .zw-skeleton .phone { display: none; }
  @media (max-width: 40em) {
    .zw-skeleton .phone { display: block; }
  }
  .skeleton-meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20em), 1fr)); column-gap: 1.5em; }
  .subheading {
    margin: 0 0 0.35em;
    font-size: 1em;
    font-weight: 700;
    color: var(--_primary);
  }
  p { margin: 0; }
  ol, ul { margin: 0; padding-inline-start: 1.5em; }
  li + li { margin-block-start: 0.25em; }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: var(--_space) 0 0;
    padding: 0;
    list-style: none;
  }
  .links li + li { margin: 0; }
  /* long unbroken file names must wrap on a phone; padding keeps a 44px-tall target */
  .attachments a { display: inline; padding-block: 0.75em; line-height: 2.75; overflow-wrap: anywhere; }
  .attachments .fileinfo { color: var(--_muted); font-size: 0.875em; }
  .keywords {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    list-style: none;
    padding: 0;
  }
  .keywords li + li { margin: 0; }
  .keywords li {
    padding: 0 0.6em;
    border-radius: 4px;
    background: var(--_subtle);
    border: 1px solid var(--_border);
    font-size: 0.875em;
  }
  @media (forced-colors: active) {
    .card { border-color: CanvasText; forced-color-adjust: auto; }
    .links a { border-color: LinkText; }
  }
  @media print {
    .card { border: 1px solid #000; }
    .links a::after { content: ' (' attr(href) ')'; font-weight: 400; }
  }
`;
