import { escapePointer, issue, type Issue } from '../../schema/issues.js';
import { damageSample, findScrapeDamage, type ScrapeDamage } from '../reader/repair.js';

/**
 * Keys whose strings are machine values, not prose, so never scrape damage (decided from the five schemas in
 * src/schema/*.schema.json): discriminators (`type`, `schemaVersion`), identifiers and the references to them
 * (`id`, a comparison's `version` and `clause`), links (`url`, `remote`, every `…Url`), dates (`date`, every
 * `…Date`), codes (`language` BCP 47, an attachment's `format`, an organisation's `code`, the 索引号 `indexNo`,
 * which has its own format rule), enums (`validity`, `disclosure`, a chart's `chart`, `orientation`, `stacking`,
 * a block's `style` and `theme`, an interpretation's `form`) and an entry's `columns` (column ids). No schema has
 * a colour field. Only strings are skipped: objects under such a key are still walked (a directory's `columns`
 * tree holds column names).
 */
const MACHINE_KEYS = new Set([
  'type',
  'schemaVersion',
  'id',
  'version',
  'clause',
  'url',
  'remote',
  'date',
  'language',
  'format',
  'code',
  'indexNo',
  'validity',
  'disclosure',
  'chart',
  'orientation',
  'stacking',
  'style',
  'theme',
  'form',
  'columns',
]);

/** A key whose strings are machine values (see MACHINE_KEYS). */
export const isMachineKey = (key: string): boolean => MACHINE_KEYS.has(key) || key.endsWith('Url') || key.endsWith('Date');

/** Quotation marks, closing → opening. */
const QUOTES: Record<string, string> = { '”': '“', '’': '‘', '」': '「', '』': '『', '"': '"' };
/** How far before a remnant its quote may open (a remnant quoted as an example comes with a few characters at most). */
const QUOTED_REACH = 12;

/**
 * A remnant that ends a short quotation is an example, not damage: the infographic from seed 003 explains its source
 * with 所据网页文本有编码损坏（如“宸/p>”“、/td>”）, and its story with （如“、/td>”“外资夃/td>”）. Real damage never
 * ends a quotation: a tag remnant would mean a tag right before the closing quote (`容</p>”`), an entity remnant a
 * quote mark before another, and a lost `?` needs a digit or Chinese on both sides.
 */
function quotedExample(text: string, damage: ScrapeDamage): boolean {
  const open = QUOTES[text[damage.end] ?? ''];
  if (open === undefined) return false;
  for (let i = damage.start - 1; i >= Math.max(0, damage.start - QUOTED_REACH); i--) {
    if (text[i] === open) return true;
    if (text[i] === text[damage.end] || text[i] === '\n') return false;
  }
  return false;
}

/** The `scrape-damage` warning for `text`, at the pointer `path()` gives (made only for a damaged text), when it holds remnants of a broken conversion. */
export function scrapeDamageAt(path: string | (() => string), text: string): Issue | undefined {
  const found = findScrapeDamage(text);
  if (!found.length) return undefined;
  const damage = found.filter((d) => !quotedExample(text, d));
  if (!damage.length) return undefined;
  return issue(typeof path === 'string' ? path : path(), 'scrape-damage', { count: damage.length, sample: damageSample(text, damage[0]!) }, 'warning');
}

/**
 * Remnants of a broken encoding conversion in scraped text (`内宸/p>`, `?ldquo;`, `?021?7号`, see
 * core/reader/repair.ts) in every prose string of `value` (a document or a part of one, which is at `at`):
 * one warning per damaged string, at that string, so content staff can correct it against the original.
 * Strings under machine keys are left out (see MACHINE_KEYS), and so are the subtrees at the pointers in
 * `skip` (relative to `value`: parts another rule already checks, e.g. an interpretation's embedded policy).
 * The same rule for every kind. Cheap on clean text (a directory checks each of up to 1,000,000 entries with
 * it): findScrapeDamage returns at once on text without the characters damage needs, and a pointer is only
 * written for a damaged string.
 */
export function scrapeDamageIssues(value: unknown, at = '', skip: readonly string[] = []): Issue[] {
  const issues: Issue[] = [];
  const skipped = skip.length ? new Set(skip) : undefined;
  // the keys and indexes from `value` down to the value being visited
  const trail: (string | number)[] = [];
  const pointer = () => {
    let path = '';
    for (const step of trail) path += `/${typeof step === 'number' ? step : escapePointer(step)}`;
    return path;
  };
  const where = () => at + pointer();
  // `machine`: the nearest object key above the value (array indexes do not change it) is a machine key
  const visit = (node: unknown, machine: boolean) => {
    if (skipped?.has(pointer())) return;
    if (typeof node === 'string') {
      if (!machine) {
        const found = scrapeDamageAt(where, node);
        if (found) issues.push(found);
      }
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        trail.push(i);
        visit(node[i], machine);
        trail.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      for (const name of Object.keys(node)) {
        const child = (node as Record<string, unknown>)[name];
        const machineKey = isMachineKey(name);
        // a machine key's own string: nothing to read (the common case, kept out of the recursion)
        if (machineKey && typeof child === 'string') continue;
        trail.push(name);
        visit(child, machineKey);
        trail.pop();
      }
    }
  };
  visit(value, false);
  return issues;
}
