// 复制对照表: the comparison as the three-column 新旧对照表 (原条款 / 新条款 / 说明) staff paste into a
// 公文 in Word or WPS. The HTML goes to the clipboard, never into the page, so it carries inline styles
// (Word and WPS ignore style sheets); it goes through the copy event, which the page's CSP leaves alone (see
// copyComparisonTable). Every piece of
// document text is escaped: a pasted table must never carry markup from the data.
import { msg, str } from '@lit/localize';
import { inBrackets } from '../../schema/messages.js';
import type { Clause, ClauseChange, Comparison, DiffSegment } from '../../core/compare/types.js';
import { escapeMarkup } from '../../core/markup.js';
import { clauseName } from './clause-name.js';

export interface ComparisonTableContext {
  /** The comparison's title, shown above the table. */
  title: string;
  /** The two versions' labels (e.g. 2019年版), in the column headers. */
  oldLabel: string;
  newLabel: string;
  /** The versions' own titles, under the labels when given. */
  oldTitle?: string;
  newTitle?: string;
}

export interface ComparisonTableOptions {
  /** Leave out unchanged clauses (a full 对照表 shows everything, the default). */
  changesOnly?: boolean;
}

export interface ComparisonTable {
  /** A title paragraph and a bordered table, inline-styled for Word and WPS. */
  html: string;
  /** The same rows tab-separated, one line per row (header first), for a plain-text paste. */
  text: string;
}

/** Text as HTML element content or a quoted attribute value. */
export const escapeHtml = escapeMarkup;

// 公文 tables: 仿宋 text, 黑体 headers, black single-line borders, 小四 (12pt).
const FONT = "FangSong,仿宋,'仿宋_GB2312',SimSun,宋体,serif";
const TABLE_STYLE = `border-collapse:collapse;border:1px solid #000;width:100%;font-family:${FONT};font-size:12pt;line-height:1.5`;
const CELL_STYLE = 'border:1px solid #000;padding:4pt 6pt;vertical-align:top;text-align:left';
const HEAD_STYLE = 'border:1px solid #000;padding:4pt 6pt;vertical-align:middle;text-align:center;font-family:SimHei,黑体,sans-serif;font-weight:bold';
const TITLE_STYLE = "text-align:center;font-family:'方正小标宋简体',SimHei,黑体,sans-serif;font-size:16pt;font-weight:bold;margin:0 0 8pt";
/** Added text: bold and underlined; deleted text: struck through (readable in black and white print). */
const INSERT = (html: string) => `<u style="text-decoration:underline;font-weight:bold"><b>${html}</b></u>`;
const DELETE = (html: string) => `<s style="text-decoration:line-through">${html}</s>`;

/** Escaped text with its line breaks (款) kept. */
const para = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');

/** One side of a diff as HTML: equal text plain, the side's own changes marked, the other side's left out. */
function sideHtml(segments: DiffSegment[], side: 'old' | 'new'): string {
  return segments
    .map((s) => (s.op === 'equal' ? para(s.text) : s.op === 'delete' && side === 'old' ? DELETE(para(s.text)) : s.op === 'insert' && side === 'new' ? INSERT(para(s.text)) : ''))
    .join('');
}
const sideText = (segments: DiffSegment[], side: 'old' | 'new') =>
  segments
    .filter((s) => s.op === 'equal' || s.op === (side === 'old' ? 'delete' : 'insert'))
    .map((s) => s.text)
    .join('');

/** Between a clause's number and its text, as 公文 write it: an ideographic space (第一条 为了…, with U+3000). */
const NUMBER_GAP = '\u3000';
const HEADING_KINDS = new Set<Clause['kind']>(['part', 'chapter', 'section']);

/** A clause as the cell shows it: number, 【heading】, text; `mark` styles the whole of it (added / deleted clauses). */
function clauseCell(clause: Clause, side: 'old' | 'new', change: ClauseChange, mark?: (html: string) => string): { html: string; text: string } {
  // A 第X章/节/编's heading is its title (第一章 总则); an article's is a short title in 【】.
  const [open, close] = HEADING_KINDS.has(clause.kind) ? ['', ''] : ['【', '】'];
  const headingHtml = clause.heading ? `${open}${change.headingSegments ? sideHtml(change.headingSegments, side) : para(clause.heading)}${close}` : '';
  const headingText = clause.heading ? `${open}${change.headingSegments ? sideText(change.headingSegments, side) : clause.heading}${close}` : '';
  const bodyHtml = change.segments ? sideHtml(change.segments, side) : para(clause.text);
  const bodyText = change.segments ? sideText(change.segments, side) : clause.text;
  const content = `${headingHtml}${bodyHtml}`;
  return {
    html: `${clause.number ? escapeHtml(clause.number) + NUMBER_GAP : ''}${mark ? mark(content) : content}`,
    text: `${clause.number ? clause.number + NUMBER_GAP : ''}${headingText}${bodyText}`,
  };
}

/** 说明: a short change label, then the data's notes. */
function explanation(change: ClauseChange, changes: ClauseChange[]): string[] {
  const partner = change.partner !== undefined ? changes[change.partner] : undefined;
  const labels: string[] = [];
  switch (change.kind) {
    case 'added':
      labels.push(msg('新增'));
      break;
    case 'deleted':
      labels.push(msg('删除'));
      break;
    case 'modified':
      labels.push(msg('修改'));
      break;
    case 'moved': {
      if (change.placement === 'from') {
        const target = change.new ?? partner?.new;
        const to = target ? clauseName(target) : '';
        labels.push(to ? msg(str`移动：移至${to}`) : msg('移动'));
      } else {
        const source = change.old ?? partner?.old;
        const from = source ? clauseName(source) : '';
        labels.push(from ? msg(str`移动：原${from}`) : msg('移动'));
        if (change.segments || change.headingSegments) labels.push(msg('修改'));
      }
      break;
    }
    case 'unchanged':
      if (change.renumbered) labels.push(msg('仅调整序号'));
      break;
  }
  // a move's notes go with the clause, at its new place
  return change.placement === 'from' ? labels : [...labels, ...change.notes];
}

/** The cells of one row (old, new) as HTML and text. */
function rowCells(change: ClauseChange, changes: ClauseChange[]): { html: string; text: string }[] {
  const empty = { html: '', text: '' };
  if (change.kind === 'moved' && change.placement === 'from') {
    // The clause is shown in full where it went (the `to` row); here only where it left.
    const clause = change.old ?? changes[change.partner ?? -1]?.old;
    const target = change.new ?? changes[change.partner ?? -1]?.new;
    const to = target ? clauseName(target) : '';
    const note = to ? msg(str`（已移至${to}）`) : msg('（已移动）');
    const name = clause ? clauseName(clause) : '';
    return [clause ? { html: `${escapeHtml(name)}${escapeHtml(note)}`, text: `${name}${note}` } : empty, empty];
  }
  return [
    change.old ? clauseCell(change.old, 'old', change, change.kind === 'deleted' ? DELETE : undefined) : empty,
    change.new ? clauseCell(change.new, 'new', change, change.kind === 'added' ? INSERT : undefined) : empty,
  ];
}

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Tabs and line breaks inside a cell would break the plain-text rows. */
const flat = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

/**
 * The 新旧对照表 of a comparison: one row per change in merged reading order (unchanged clauses included
 * unless `changesOnly`), numbers shown, added text bold and underlined, deleted text struck through,
 * 说明 = the change label (新增/删除/修改/移动：原第X条/仅调整序号) and the notes. UI words go through msg():
 * call it inside the element's locale (withLocale).
 */
export function comparisonTable(comparison: Comparison, context: ComparisonTableContext, options: ComparisonTableOptions = {}): ComparisonTable {
  const { changes } = comparison;
  const header = [
    { label: msg('原条款'), version: context.oldLabel, title: context.oldTitle, width: '40%' },
    { label: msg('新条款'), version: context.newLabel, title: context.newTitle, width: '40%' },
  ];
  const note = msg('说明');
  const headHtml =
    header
      .map(
        (h) =>
          `<th style="${HEAD_STYLE}" width="${h.width}">${escapeHtml(h.label)}${h.version ? escapeHtml(inBrackets(h.version)) : ''}${h.title ? `<br>${escapeHtml(h.title)}` : ''}</th>`,
      )
      .join('') + `<th style="${HEAD_STYLE}" width="20%">${escapeHtml(note)}</th>`;
  const lines = [flat(context.title), [...header.map((h) => flat(`${h.label}${h.version ? inBrackets(h.version) : ''}${h.title ? ` ${h.title}` : ''}`)), note].join('\t')];
  const rows: string[] = [];
  for (const change of changes) {
    if (options.changesOnly && change.kind === 'unchanged') continue;
    const [oldCell, newCell] = rowCells(change, changes);
    const said = explanation(change, changes);
    rows.push(`<tr><td style="${CELL_STYLE}">${oldCell.html}</td><td style="${CELL_STYLE}">${newCell.html}</td><td style="${CELL_STYLE}">${said.map(para).join('<br>')}</td></tr>`);
    lines.push([oldCell.text, newCell.text, said.join('；')].map(flat).join('\t'));
  }
  const html =
    `<p style="${TITLE_STYLE}">${escapeHtml(context.title)}</p>` +
    `<table border="1" cellspacing="0" cellpadding="6" style="${TABLE_STYLE}"><thead><tr>${headHtml}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  // Bidi embeddings, overrides and isolates have no place in a Chinese 公文 table, and in Word or WPS a
  // pasted U+202E would reverse the rest of its cell: they go (the comparison already treats them as invisible).
  return { html: html.replace(BIDI_CONTROLS, ''), text: lines.join('\n').replace(BIDI_CONTROLS, '') };
}

/**
 * Puts the table on the clipboard as HTML (a real table in Word/WPS) and plain text. Call it from a
 * click or key handler (browsers copy only on a user action). The async Clipboard API first; where it is
 * missing or refuses (Chromium 86 without text/html support, an insecure page, a denied permission),
 * the `copy` event route. Resolves to whether the clipboard now holds the table.
 */
export async function copyComparisonTable(table: ComparisonTable): Promise<boolean> {
  // The copy event first: setData hands the HTML over as it is. clipboard.write sanitises text/html by parsing it in
  // the page, and under a strict CSP Chromium reports every style attribute of the table to the portal (125 reports for
  // seed 000) — harmless, nothing is applied, but it floods the portal's report endpoint.
  if (copyViaCopyEvent(table)) return true;
  if (typeof ClipboardItem === 'function' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([table.html], { type: 'text/html' }), 'text/plain': new Blob([table.text], { type: 'text/plain' }) }),
      ]);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * The older route: run the browser's own copy command and fill the clipboard from the `copy` event.
 * Some browsers fire the event only when something is selected, so an off-screen node holding the plain
 * text is selected for the moment of the copy; the reader's own selection is put back afterwards.
 * Synchronous, so it must run during the user's action; returns false when the browser refused.
 */
export function copyViaCopyEvent(table: ComparisonTable): boolean {
  let filled = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/html', table.html);
    event.clipboardData.setData('text/plain', table.text);
    event.preventDefault();
    filled = true;
  };
  const selection = document.getSelection();
  const saved = selection ? Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i)) : [];
  const holder = document.createElement('span');
  holder.textContent = table.text || ' ';
  // Off-screen but selectable (display: none would not be); CSSOM, not a style attribute, for the CSP.
  Object.assign(holder.style, { position: 'fixed', top: '0', left: '-10000px', whiteSpace: 'pre', userSelect: 'text' });
  document.addEventListener('copy', onCopy, true);
  try {
    document.body.append(holder);
    if (selection) {
      const range = document.createRange();
      range.selectNodeContents(holder);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    return document.execCommand('copy') && filled;
  } catch {
    return false;
  } finally {
    document.removeEventListener('copy', onCopy, true);
    holder.remove();
    if (selection) {
      selection.removeAllRanges();
      for (const range of saved) selection.addRange(range);
    }
  }
}
