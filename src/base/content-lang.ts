import { html, type TemplateResult } from 'lit';
import { inBrackets } from '../schema/messages.js';

/** Stands for the document's text inside a UI message; never occurs in a translation. */
const MARK = '\u0000';

/**
 * A UI message (in the UI's language) around a piece of the document (in the document's own language),
 * e.g. "up 20% on <span lang=zh-CN>2016年</span>": screen readers switch voice for the document's words only.
 * `message` receives a placeholder and returns the localised message containing it once.
 */
export function withContent(message: (placeholder: string) => string, content: string, lang: string): TemplateResult {
  const [before, after = ''] = message(MARK).split(MARK);
  return html`${before}<span lang=${lang}>${content}</span>${after}`;
}

/** Document text in the UI's brackets: （标题） in Chinese, (标题) in English, the title keeping its language. */
export const contentInBrackets = (content: string, lang: string): TemplateResult => withContent(inBrackets, content, lang);
