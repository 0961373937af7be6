// node --test: scripts/editor-data.mjs turns the custom elements manifest into VS Code HTML custom data and JetBrains
// web-types. Runs on a fixture manifest (a trimmed copy of the real one, with its own alias sources) for exact
// expectations, and on a manifest built in memory from the real sources, so a component's JSDoc gap shows here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import {
  VSCODE_FILE,
  WEB_TYPES_FILE,
  WEB_TYPES_SCHEMA,
  elementsOf,
  enumValues,
  expandType,
  literalDefault,
  loadAliases,
  readmeUrl,
  valueKind,
  vscodeCustomData,
  webTypes,
} from '../../scripts/editor-data.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixture/', import.meta.url));
const TAGS = ['zw-disclosure-directory', 'zw-infographic', 'zw-interpretation', 'zw-policy-card', 'zw-policy-compare', 'zw-reader'];
const COLOR_THEMES = ['default', 'sepia', 'dark', 'contrast-black', 'contrast-white'];

/** Runs the script as `npm run analyze` will, on the fixture, into a fresh folder; returns both outputs. */
function runOnFixture() {
  const out = mkdtempSync(join(tmpdir(), 'zw-editor-data-'));
  try {
    const args = ['--manifest', join(fixture, 'custom-elements.json'), '--out', out, '--src', join(fixture, 'src'), '--package', join(fixture, 'package.fixture.json')];
    execFileSync(process.execPath, [join(root, 'scripts/editor-data.mjs'), ...args], { cwd: root, stdio: 'pipe' });
    return { vscode: JSON.parse(readFileSync(join(out, VSCODE_FILE), 'utf8')), webTypes: JSON.parse(readFileSync(join(out, WEB_TYPES_FILE), 'utf8')) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const markdown = (value, where) => {
  assert.equal(value?.kind, 'markdown', `${where}: description is markdown`);
  assert.equal(typeof value.value, 'string', `${where}: description text`);
};

/** The essential shape of VS Code's HTML custom data v1.1 (what the HTML language service reads). */
function assertVscodeShape(data) {
  assert.equal(data.version, 1.1);
  assert.ok(Array.isArray(data.tags) && data.tags.length > 0, 'tags');
  for (const tag of data.tags) {
    assert.match(tag.name, /^[a-z][a-z0-9]*-[a-z0-9-]+$/, 'a custom element name');
    markdown(tag.description, tag.name);
    assert.ok(tag.description.value.length > 0, `${tag.name}: described`);
    assert.ok(Array.isArray(tag.attributes), `${tag.name}: attributes`);
    for (const attribute of tag.attributes) {
      const where = `${tag.name} ${attribute.name}`;
      assert.match(attribute.name, /^[a-z][a-z0-9-]*$/, where);
      markdown(attribute.description, where);
      assert.ok(attribute.valueSet === undefined || attribute.valueSet === 'v', `${where}: valueSet`);
      if (attribute.values) for (const value of attribute.values) assert.equal(typeof value.name, 'string', `${where}: value name`);
    }
    for (const reference of tag.references ?? []) assert.ok(reference.name && /^https:\/\//.test(reference.url), `${tag.name}: reference`);
  }
}

/** The essential shape of web-types (schema 2: names, value kinds, contribution lists). */
function assertWebTypesShape(data) {
  assert.equal(data.$schema, WEB_TYPES_SCHEMA);
  assert.equal(typeof data.name, 'string');
  assert.equal(typeof data.version, 'string');
  assert.equal(data['js-types-syntax'], 'typescript');
  assert.equal(data['description-markup'], 'markdown');
  const elements = data.contributions?.html?.elements;
  assert.ok(Array.isArray(elements) && elements.length > 0, 'contributions.html.elements');
  const named = (items, where) => {
    assert.ok(Array.isArray(items), where);
    for (const item of items) {
      assert.equal(typeof item.name, 'string', `${where}: name`);
      assert.ok(item.description === undefined || typeof item.description === 'string', `${where}: description`);
    }
  };
  for (const element of elements) {
    assert.match(element.name, /^[a-z][a-z0-9]*-[a-z0-9-]+$/);
    assert.equal(typeof element.description, 'string');
    named(element.attributes, `${element.name} attributes`);
    for (const attribute of element.attributes) {
      assert.deepEqual(
        Object.keys(attribute.value).filter((k) => !['kind', 'type', 'required', 'default'].includes(k)),
        [],
        `${attribute.name}: value keys`,
      );
      assert.ok(['no-value', 'plain', 'expression'].includes(attribute.value.kind), `${attribute.name}: value kind`);
      assert.ok(attribute.default === undefined || typeof attribute.default === 'string', `${attribute.name}: default is a string`);
      if (attribute.value.type === 'enum') named(attribute.values, `${element.name} ${attribute.name} values`);
      else assert.equal(attribute.values, undefined, `${attribute.name}: values only for enums`);
    }
    named(element.slots, `${element.name} slots`);
    named(element.js.events, `${element.name} js.events`);
    named(element.js.properties, `${element.name} js.properties`);
    named(element.css.parts, `${element.name} css.parts`);
    named(element.css.properties, `${element.name} css.properties`);
  }
}

const tagOf = (data, name) => data.tags.find((t) => t.name === name);
const elementOf = (data, name) => data.contributions.html.elements.find((e) => e.name === name);
const valuesOf = (attribute) => attribute?.values?.map((v) => v.name);

test('types: literal unions and known aliases are enumerations; anything else is free', () => {
  const aliases = new Map([
    ['ListMode', ['paging', 'scroll']],
    ['Scheme', null],
  ]);
  assert.deepEqual(enumValues("'full' | 'compact'"), ['full', 'compact']);
  assert.deepEqual(enumValues("'off' | undefined"), ['off']);
  assert.deepEqual(enumValues('ListMode | undefined', aliases), ['paging', 'scroll']);
  assert.equal(enumValues('Scheme | undefined', aliases), undefined, 'an ambiguous alias is free');
  assert.equal(enumValues('string | undefined'), undefined);
  assert.equal(enumValues("number | 'auto'"), undefined);
  assert.equal(enumValues("Record<'a' | 'b', string>"), undefined, 'a | inside a generic is not a union of the attribute');
  assert.equal(enumValues(undefined), undefined);
  assert.equal(valueKind('boolean | undefined'), 'boolean');
  assert.equal(valueKind('number'), 'number');
  assert.equal(valueKind('ListMode', aliases), 'enum');
  assert.equal(valueKind('string'), 'string');
  assert.equal(valueKind(undefined), undefined, 'no type in the manifest: no guess');
  assert.equal(expandType('ListMode | undefined', aliases), "'paging' | 'scroll' | undefined");
});

test('defaults: literals only, never an identifier or a presence attribute’s false', () => {
  assert.equal(literalDefault("'paging'", 'enum'), 'paging');
  assert.equal(literalDefault('15000', 'number'), '15000');
  assert.equal(literalDefault('false', 'boolean'), undefined);
  assert.equal(literalDefault('DEFAULT_SIZE', 'number'), undefined);
  assert.equal(literalDefault("''", 'string'), undefined);
  assert.equal(literalDefault(undefined, 'string'), undefined);
});

test('aliases: read from the sources, through other aliases, ambiguous names left free, tests not read', async () => {
  const aliases = await loadAliases(join(fixture, 'src'));
  assert.deepEqual(aliases.get('ColorTheme'), COLOR_THEMES, 'ColorTheme resolved through ContrastTheme, in order');
  assert.deepEqual(aliases.get('ListMode'), ['paging', 'scroll'], 'ignored.test.ts declares another ListMode');
  assert.equal(aliases.get('Scheme'), null, 'declared twice with different values');
  assert.equal(aliases.get('Size'), null, 'not only string literals');
  assert.equal((await loadAliases(join(fixture, 'no-such-folder'))).size, 0);
});

test('README link: from homepage or a GitHub repository, else none', () => {
  assert.equal(readmeUrl({ repository: 'github:example/zhengwu-elements' }), 'https://github.com/example/zhengwu-elements#readme');
  assert.equal(readmeUrl({ repository: { type: 'git', url: 'git+https://github.com/example/zhengwu-elements.git' } }), 'https://github.com/example/zhengwu-elements#readme');
  assert.equal(readmeUrl({ homepage: 'https://example.org/zw' }), 'https://example.org/zw');
  assert.equal(readmeUrl({}), undefined);
});

test('fixture: VS Code custom data has the six tags, enumerated values, presence attributes and the tag docs', () => {
  const { vscode } = runOnFixture();
  assertVscodeShape(vscode);
  assert.deepEqual(
    vscode.tags.map((t) => t.name),
    TAGS,
  );
  const reader = tagOf(vscode, 'zw-reader');
  const attribute = (tag, name) => tag.attributes.find((a) => a.name === name);
  assert.deepEqual(valuesOf(attribute(reader, 'color-theme')), COLOR_THEMES);
  assert.deepEqual(valuesOf(attribute(reader, 'font')), ['default', 'hei', 'song', 'kai']);
  assert.equal(attribute(reader, 'elderly').valueSet, 'v', 'a presence attribute');
  assert.equal(attribute(reader, 'text-scale').values, undefined, 'a number is free');
  assert.match(attribute(reader, 'elderly').description.value, /适老模式/, 'Chinese terms kept');
  const card = tagOf(vscode, 'zw-policy-card');
  assert.deepEqual(valuesOf(attribute(card, 'layout')), ['full', 'compact']);
  assert.match(attribute(card, 'layout').description.value, /Default: `full`/);
  assert.deepEqual(valuesOf(attribute(card, 'appearance')), ['light', 'auto', 'dark']);
  assert.equal(attribute(card, 'lang'), undefined, 'the undocumented global lang is left to the editor');
  const directory = tagOf(vscode, 'zw-disclosure-directory');
  assert.deepEqual(valuesOf(attribute(directory, 'list-mode')), ['paging', 'scroll']);
  assert.doesNotMatch(attribute(directory, 'page-size').description.value, /Type:|Default:/, 'no type or default is invented');
  assert.match(directory.description.value, /政府信息公开目录/);
  assert.match(directory.description.value, /`zw-search`/, 'events listed in the tag docs');
  assert.match(card.description.value, /`::part\(key-points\)`/, 'parts listed in the tag docs');
  assert.match(card.description.value, /`--zw-color-primary`/, 'custom properties listed in the tag docs');
  assert.deepEqual(card.references, [{ name: 'README', url: 'https://github.com/example/zhengwu-elements#readme' }]);
});

test('fixture: web-types has the six elements with attributes, enums, defaults, events, slots, parts and properties', () => {
  const { webTypes: data } = runOnFixture();
  assertWebTypesShape(data);
  assert.equal(data.name, 'zhengwu-elements');
  assert.equal(data.version, '9.8.7', 'version from package.json');
  assert.deepEqual(
    data.contributions.html.elements.map((e) => e.name),
    TAGS,
  );
  const reader = elementOf(data, 'zw-reader');
  const attribute = (element, name) => element.attributes.find((a) => a.name === name);
  assert.deepEqual(attribute(reader, 'color-theme').value, { kind: 'plain', type: 'enum' });
  assert.deepEqual(valuesOf(attribute(reader, 'color-theme')), COLOR_THEMES);
  assert.deepEqual(attribute(reader, 'elderly').value, { kind: 'plain', type: 'boolean' });
  assert.deepEqual(attribute(reader, 'rate').value, { kind: 'plain', type: 'number' });
  assert.deepEqual(
    reader.css.parts.map((p) => p.name),
    ['root', 'toolbar', 'content', 'aids'],
  );
  assert.deepEqual(
    reader.js.events.map((e) => e.name),
    ['zw-reader-change', 'zw-speak', 'zw-load', 'zw-error', 'zw-empty'],
  );
  const card = elementOf(data, 'zw-policy-card');
  assert.equal(attribute(card, 'layout').default, 'full');
  assert.deepEqual(valuesOf(attribute(card, 'layout')), ['full', 'compact']);
  assert.equal(attribute(card, 'heading-level').default, '2');
  assert.equal(attribute(card, 'preview').default, undefined, 'absent is the default of a presence attribute');
  assert.ok(card.css.parts.some((p) => p.name === 'card' && p.description));
  assert.ok(card.css.properties.some((p) => p.name === '--zw-color-primary' && /党政/.test(p.description)));
  assert.deepEqual(card.slots, [{ name: '', description: 'A `<script type="application/json">` holding the policy document.' }]);
  assert.equal(card['doc-url'], 'https://github.com/example/zhengwu-elements#readme');
  const directory = elementOf(data, 'zw-disclosure-directory');
  const events = directory.js.events.map((e) => e.name);
  assert.ok(events.includes('zw-search') && events.includes('zw-select'), events.join());
  assert.equal(directory.js.events.find((e) => e.name === 'zw-select').type, 'ZwSelectEvent');
  assert.deepEqual(attribute(directory, 'page-size').value, { kind: 'plain' }, 'no type in the manifest: none given');
  const listMode = directory.js.properties.find((p) => p.name === 'listMode');
  assert.equal(listMode.type, "'paging' | 'scroll'", 'property types with the alias spelled out');
  assert.ok(
    directory.js.properties.some((p) => p.name === 'data'),
    'the data property',
  );
  assert.ok(
    directory.js.properties.some((p) => p.name === 'total' && p['read-only']),
    'a getter is read-only',
  );
});

test('a manifest without elements is refused with a clear message', () => {
  const out = mkdtempSync(join(tmpdir(), 'zw-editor-data-'));
  try {
    const empty = join(out, 'empty.json');
    execFileSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(empty)}, '{"schemaVersion":"1.0.0","modules":[]}')`]);
    assert.throws(
      () => execFileSync(process.execPath, [join(root, 'scripts/editor-data.mjs'), '--manifest', empty, '--out', out], { cwd: root, stdio: 'pipe' }),
      (error) => error.status === 1 && /no custom elements/.test(String(error.stderr)),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('real sources: the manifest documents all six elements completely, and both outputs carry it', async () => {
  // The same analysis as `npm run analyze`, in memory (noWrite) and with package.json left alone (cem.config.mjs).
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  const argv = [
    'analyze',
    '--litelement',
    '--globs',
    'src/components/**/*.ts',
    'src/base/**/*.ts',
    '--exclude',
    'src/**/*.test.ts',
    '--quiet',
    '--config',
    'test/editor-data/cem.config.mjs',
  ];
  const manifest = await cli({ argv, cwd: root, noWrite: true });
  const elements = elementsOf(manifest);
  assert.deepEqual(
    elements.map((e) => e.tagName),
    TAGS,
  );

  // completeness: every attribute, event, slot, part and custom property is described; attributes are typed
  const gaps = [];
  // known gap (see the editor-data report): `pageSize = DEFAULT_SIZE` gives the analyzer no type; remove once annotated
  const untypedAllowed = new Set(['zw-disclosure-directory page-size']);
  for (const element of elements) {
    if (!element.description) gaps.push(`${element.tagName}: description`);
    for (const a of element.attributes ?? []) {
      if (a.name === 'lang' && !a.fieldName) continue; // the global attribute the base observes
      if (!a.description) gaps.push(`${element.tagName} ${a.name}: description`);
      if (!a.type?.text && !untypedAllowed.has(`${element.tagName} ${a.name}`)) gaps.push(`${element.tagName} ${a.name}: type`);
    }
    for (const [kind, items] of Object.entries({ event: element.events, slot: element.slots, part: element.cssParts, 'css property': element.cssProperties })) {
      if (!items?.length) gaps.push(`${element.tagName}: no ${kind}s`);
      for (const item of items ?? []) if (!item.description) gaps.push(`${element.tagName} ${kind} ${item.name || '(default)'}: description`);
    }
  }
  assert.deepEqual(gaps, [], 'undocumented in the manifest (JSDoc in the component)');

  const options = { aliases: await loadAliases(join(root, 'src')) };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vscode = vscodeCustomData(manifest, options);
  const data = webTypes(manifest, pkg, options);
  assertVscodeShape(vscode);
  assertWebTypesShape(data);
  assert.equal(data.version, pkg.version);
  assert.deepEqual(valuesOf(tagOf(vscode, 'zw-reader').attributes.find((a) => a.name === 'color-theme')), COLOR_THEMES);
  assert.deepEqual(valuesOf(tagOf(vscode, 'zw-policy-card').attributes.find((a) => a.name === 'layout')), ['full', 'compact']);
  assert.deepEqual(valuesOf(elementOf(data, 'zw-policy-compare').attributes.find((a) => a.name === 'view')), ['side-by-side', 'redline', 'margin']);
  assert.deepEqual(valuesOf(elementOf(data, 'zw-disclosure-directory').attributes.find((a) => a.name === 'list-mode')), ['paging', 'scroll']);
  const directoryEvents = elementOf(data, 'zw-disclosure-directory').js.events.map((e) => e.name);
  assert.ok(directoryEvents.includes('zw-search') && directoryEvents.includes('zw-select'), directoryEvents.join());
  for (const element of data.contributions.html.elements) {
    assert.ok(
      element.css.parts.some((p) => p.name === 'root'),
      `${element.name}: the shared root part`,
    );
    assert.deepEqual(valuesOf(element.attributes.find((a) => a.name === 'appearance')), ['light', 'auto', 'dark'], `${element.name}: appearance`);
  }
});
