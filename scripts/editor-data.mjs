// Editor completion for template engineers, from the custom elements manifest (`npm run analyze` writes it):
//   dist/vscode.html-custom-data.json — VS Code's HTML custom data (v1.1), enabled with the `html.customData` setting;
//   dist/web-types.json — JetBrains web-types (found through the package.json `web-types` field).
// Both list every zw-* tag with its attributes (enumerated values, defaults), events, slots, CSS parts and custom properties.
// The analyzer writes a type alias's name (`ColorTheme | undefined`), not its values, so aliases are looked up in the
// TypeScript sources (`--src`, parsed only, never type-checked); a name declared twice with different values is left free.
//
//   node scripts/editor-data.mjs [--manifest dist/custom-elements.json] [--out dist] [--src src] [--package package.json]
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const VSCODE_FILE = 'vscode.html-custom-data.json';
export const WEB_TYPES_FILE = 'web-types.json';
export const WEB_TYPES_SCHEMA = 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json';

/** Global HTML attributes: editors already offer them, so an undocumented one (the base's observed `lang`) is not repeated. */
const GLOBAL_ATTRIBUTES = new Set(['lang', 'id', 'class', 'style', 'title', 'hidden', 'dir', 'slot', 'part', 'tabindex']);

/** The manifest's custom element declarations, by tag name (deterministic order). */
export function elementsOf(manifest) {
  const elements = [];
  for (const mod of manifest.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) elements.push({ ...declaration, modulePath: mod.path });
    }
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Splits a type at its top-level `|` (not inside quotes, brackets or generics). */
function unionParts(text) {
  const parts = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c)) depth--;
    else if (c === '|' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

const STRING_LITERAL = /^(['"])(.*)\1$/;

/**
 * The values of an enumerated type (`'full' | 'compact'`, `ColorTheme | undefined`), or undefined for a free type
 * (`string`, `number`, a union with anything that is not a string literal or a known alias).
 */
export function enumValues(typeText, aliases = new Map()) {
  if (!typeText) return undefined;
  const values = [];
  for (const part of unionParts(typeText)) {
    if (part === 'undefined' || part === 'null') continue;
    const literal = STRING_LITERAL.exec(part);
    if (literal) values.push(literal[2]);
    else if (aliases.get(part)) values.push(...aliases.get(part));
    else return undefined;
  }
  return values.length ? [...new Set(values)] : undefined;
}

/** `boolean`, `number`, `enum`, `string`, or undefined when the manifest has no type (an initializer it could not read). */
export function valueKind(typeText, aliases) {
  if (!typeText) return undefined;
  if (enumValues(typeText, aliases)) return 'enum';
  const parts = unionParts(typeText).filter((p) => p !== 'undefined' && p !== 'null');
  if (parts.length === 1 && parts[0] === 'boolean') return 'boolean';
  if (parts.length === 1 && parts[0] === 'number') return 'number';
  return 'string';
}

/** The type with its string-literal aliases spelled out (`ListMode` → `'paging' | 'scroll'`), for editors that cannot import it. */
export function expandType(typeText, aliases = new Map()) {
  if (!typeText) return typeText;
  const literals = (values) => values.map((v) => `'${v}'`).join(' | ');
  return unionParts(typeText)
    .map((part) => (aliases.get(part) ? literals(aliases.get(part)) : part))
    .join(' | ');
}

/** A default worth showing: a literal (`'paging'`, `2`), not `false` for a presence attribute, not an identifier. */
export function literalDefault(text, kind) {
  if (text === undefined) return undefined;
  const literal = STRING_LITERAL.exec(text.trim());
  if (literal) return literal[2] === '' ? undefined : literal[2];
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return text.trim();
  if (text.trim() === 'true' && kind === 'boolean') return 'true';
  return undefined;
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Type aliases of string literals declared in the sources: `type ListMode = 'paging' | 'scroll'`, also through other
 * aliases (`type A = B | 'x'`). A name declared with different values in two files maps to null (ambiguous: left free).
 */
export async function loadAliases(srcDir) {
  const aliases = new Map();
  if (!srcDir || !existsSync(srcDir)) return aliases;
  const { default: ts } = await import('typescript');
  const declared = new Map(); // name → type texts, one per declaration
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('type ')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    for (const statement of source.statements) {
      if (ts.isTypeAliasDeclaration(statement) && !statement.typeParameters) {
        const name = statement.name.text;
        declared.set(name, [...(declared.get(name) ?? []), statement.type.getText(source)]);
      }
    }
  }
  const resolving = new Set();
  const resolveAlias = (name) => {
    if (aliases.has(name)) return aliases.get(name);
    if (resolving.has(name) || !declared.has(name)) return undefined;
    resolving.add(name);
    const lookup = { get: (n) => resolveAlias(n) };
    const candidates = declared.get(name).map((text) => enumValues(text, lookup));
    resolving.delete(name);
    const first = candidates[0];
    const same = first && candidates.every((c) => c && c.join('|') === first.join('|'));
    aliases.set(name, same ? first : null);
    return aliases.get(name);
  };
  for (const name of declared.keys()) resolveAlias(name);
  return aliases;
}

/** Where the README is read, from package.json `homepage` or a GitHub `repository`; undefined when neither is set. */
export function readmeUrl(pkg) {
  if (pkg.homepage) return pkg.homepage;
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const github = /github(?:\.com[/:]|:)([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(repository ?? '');
  return github ? `https://github.com/${github[1]}#readme` : undefined;
}

/** The attributes an editor should offer, with their kind, values and default. */
export function attributesOf(element, aliases) {
  return (element.attributes ?? [])
    .filter((a) => a.name && !(GLOBAL_ATTRIBUTES.has(a.name) && !a.description))
    .map((a) => {
      const type = a.type?.text;
      const kind = valueKind(type, aliases);
      return {
        name: a.name,
        description: a.description ?? '',
        type,
        kind,
        values: kind === 'enum' ? enumValues(type, aliases) : undefined,
        default: literalDefault(a.default, kind),
      };
    });
}

/** Public, non-static fields (`data`, `query`, `issues`…): what scripts and framework bindings set or read. */
export function propertiesOf(element) {
  return (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#'));
}

const oneLine = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').trim();

/** The tag's documentation in markdown: description, then what VS Code's format has no field for. */
export function tagMarkdown(element) {
  const sections = [(element.description || element.summary || '').trim()];
  const list = (title, items, label) => {
    if (items?.length) sections.push(`**${title}**\n\n${items.map((item) => `- ${label(item)}${item.description ? ` — ${oneLine(item.description)}` : ''}`).join('\n')}`);
  };
  list('Events', element.events, (e) => `\`${e.name}\`${e.type?.text ? ` (\`${e.type.text}\`)` : ''}`);
  list('Slots', element.slots, (s) => (s.name ? `\`${s.name}\`` : '(default)'));
  list('CSS parts', element.cssParts, (p) => `\`::part(${p.name})\``);
  list('CSS custom properties', element.cssProperties, (p) => `\`${p.name}\``);
  return sections.filter(Boolean).join('\n\n');
}

function attributeMarkdown(attribute) {
  const facts = [];
  if (attribute.kind === 'enum') facts.push(`Values: ${attribute.values.map((v) => `\`${v}\``).join(' | ')}`);
  else if (attribute.kind === 'boolean') facts.push('Boolean: present or absent');
  else if (attribute.type) facts.push(`Type: \`${attribute.type.replace(/ \| undefined$/, '')}\``);
  if (attribute.default !== undefined) facts.push(`Default: \`${attribute.default}\``);
  return [attribute.description.trim(), facts.join(' · ')].filter(Boolean).join('\n\n');
}

/** VS Code HTML custom data, version 1.1. */
export function vscodeCustomData(manifest, { aliases = new Map(), docUrl } = {}) {
  const references = docUrl ? [{ name: 'README', url: docUrl }] : undefined;
  return {
    version: 1.1,
    tags: elementsOf(manifest).map((element) => ({
      name: element.tagName,
      description: { kind: 'markdown', value: tagMarkdown(element) },
      attributes: attributesOf(element, aliases).map((attribute) => ({
        name: attribute.name,
        description: { kind: 'markdown', value: attributeMarkdown(attribute) },
        // "v": VS Code's built-in value set of value-less attributes (`hidden`, `disabled`)
        ...(attribute.kind === 'boolean' ? { valueSet: 'v' } : {}),
        ...(attribute.values ? { values: attribute.values.map((name) => ({ name })) } : {}),
      })),
      ...(references ? { references } : {}),
    })),
  };
}

/** JetBrains web-types (schema 2: `contributions.html.elements`). */
export function webTypes(manifest, pkg, { aliases = new Map(), docUrl } = {}) {
  const named = (items) => (items ?? []).map((item) => ({ name: item.name, ...(item.description ? { description: item.description } : {}) }));
  return {
    $schema: WEB_TYPES_SCHEMA,
    name: pkg.name,
    version: pkg.version,
    'js-types-syntax': 'typescript',
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elementsOf(manifest).map((element) => ({
          name: element.tagName,
          description: (element.description || element.summary || '').trim(),
          ...(docUrl ? { 'doc-url': docUrl } : {}),
          attributes: attributesOf(element, aliases).map((attribute) => ({
            name: attribute.name,
            ...(attribute.description ? { description: attribute.description } : {}),
            ...(attribute.default !== undefined ? { default: attribute.default } : {}),
            value: { kind: 'plain', ...(attribute.kind ? { type: attribute.kind } : {}) },
            ...(attribute.values ? { values: attribute.values.map((name) => ({ name })) } : {}),
          })),
          slots: named(element.slots),
          js: {
            events: (element.events ?? []).map((e) => ({ name: e.name, ...(e.description ? { description: e.description } : {}), ...(e.type?.text ? { type: e.type.text } : {}) })),
            properties: propertiesOf(element).map((m) => ({
              name: m.name,
              ...(m.description ? { description: m.description } : {}),
              ...(m.type?.text ? { type: expandType(m.type.text, aliases) } : {}),
              ...(m.readonly ? { 'read-only': true } : {}),
            })),
          },
          css: { parts: named(element.cssParts), properties: named(element.cssProperties) },
        })),
      },
    },
  };
}

/** Reads the manifest and package.json, writes both files into `out`; returns their paths. */
export async function writeEditorData({ manifest = 'dist/custom-elements.json', out = 'dist', src = 'src', packageJson = 'package.json' } = {}) {
  const data = JSON.parse(readFileSync(manifest, 'utf8'));
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8'));
  if (!elementsOf(data).length) throw new Error(`${manifest}: no custom elements (run \`npm run analyze\` first)`);
  const options = { aliases: await loadAliases(src), docUrl: readmeUrl(pkg) };
  mkdirSync(out, { recursive: true });
  const files = { vscode: join(out, VSCODE_FILE), webTypes: join(out, WEB_TYPES_FILE) };
  writeFileSync(files.vscode, JSON.stringify(vscodeCustomData(data, options), null, 2) + '\n');
  writeFileSync(files.webTypes, JSON.stringify(webTypes(data, pkg, options), null, 2) + '\n');
  return files;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? fallback : args[i + 1];
  };
  try {
    const files = await writeEditorData({
      manifest: option('manifest', 'dist/custom-elements.json'),
      out: option('out', 'dist'),
      src: option('src', 'src'),
      packageJson: option('package', 'package.json'),
    });
    console.log(`editor data: ${files.vscode}, ${files.webTypes}`);
  } catch (error) {
    console.error(`editor data: ${error.message}`);
    process.exit(1);
  }
}
