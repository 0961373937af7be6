// Types of scripts/directory-generator.mjs (plain JS, run by Node in the benchmark and bundled by Vite in stories).
import type { DirectoryDocument, DirectoryEntry } from '../src/schema/types.generated.js';
/** `count` realistic directory entries from the seeds' vocabulary; the same `seed` gives the same entries. */
export function generateEntries(count: number, seed?: number): DirectoryEntry[];
/** A whole `directory` document with `count` generated entries and the standard columns. */
export function generateDirectory(count: number, seed?: number): DirectoryDocument;
/** The searchable fields of an entry (名称, 发文字号, 索引号, 内容概述, 关键词), as the benchmark's engines index them. */
export function searchableFields(entry: DirectoryEntry): string[];
