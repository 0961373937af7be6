// The custom elements analyzer's settings for test/editor-data: the test builds the manifest in memory and must not
// rewrite package.json's `customElements` field (the analyzer does that by default).
export default { packagejson: false };
