// What an old portal's scripts leave on the page before the library loads (a classic script in <head>, as they were
// included). Every change is "harmless" in the page's own eyes: the wrappers pass through, the extras only add. Calls
// are counted in window.__hostile so the check can tell the wrappers were really on the path, not bypassed.
(function () {
  var hostile = (window.__hostile = { calls: {}, defined: [] });
  function count(name) {
    hostile.calls[name] = (hostile.calls[name] || 0) + 1;
  }

  // a monitoring script wraps JSON.parse and fetch
  var parse = JSON.parse;
  JSON.parse = function (text, reviver) {
    count('JSON.parse');
    return parse.call(JSON, text, reviver);
  };
  var fetch = window.fetch;
  window.fetch = function (input, init) {
    count('fetch');
    return fetch.call(window, input, init);
  };

  // an old utility library re-implements array methods (assignment keeps them non-enumerable, as such libraries did)
  ['map', 'forEach', 'includes'].forEach(function (name) {
    var original = Array.prototype[name];
    Array.prototype[name] = function () {
      count('Array.prototype.' + name);
      return original.apply(this, arguments);
    };
  });

  // …and adds enumerable extras, the classic for…in breakers
  Object.prototype.foo = function () {
    return 'foo';
  };
  Array.prototype.remove = function (item) {
    var i = this.indexOf(item);
    if (i >= 0) this.splice(i, 1);
    return this;
  };
  // Prototype.js 1.6: arrays serialise themselves to a JSON string (so JSON.stringify double-encodes them)
  Array.prototype.toJSON = function () {
    var parts = [];
    for (var i = 0; i < this.length; i++) parts.push(JSON.stringify(this[i]));
    return '[' + parts.join(', ') + ']';
  };
  // an ES3 shim replaces trim with its own (same result)
  String.prototype.trim = function () {
    count('String.prototype.trim');
    return String(this).replace(/^[\s\uFEFF\xA0]+|[\s\uFEFF\xA0]+$/g, '');
  };

  // RequireJS / an AMD loader is on the page (jQuery-era): UMD code sees define.amd
  window.define = function () {
    count('define');
  };
  window.define.amd = {};
  window.require = function () {
    count('require');
  };
  // a bundled-for-Node widget left these behind
  window.process = { env: {} };
  window.module = { exports: {} };
  window.exports = window.module.exports;

  // document.domain-era pages (where the browser still lets a page set it; newer Chromium ignores it)
  try {
    document.domain = location.hostname;
  } catch (e) {
    hostile.domain = String(e);
  }

  // a tag-manager logs every custom element definition
  var define = customElements.define;
  customElements.define = function (name) {
    hostile.defined.push(name);
    console.log('[portal] customElements.define ' + name);
    return define.apply(customElements, arguments);
  };
})();
