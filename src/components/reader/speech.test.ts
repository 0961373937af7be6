import { expect, fixture, html } from '@open-wc/testing';
import { ReadAloud, chineseVoices, readableUnits, sortChineseVoices, unitFor, type SpeechStatus } from './speech.js';
import { emulateMedia } from '@web/test-runner-commands';
import { until } from '../../test-support/helpers.js';
import { FakeSynth, installSpeech, uninstallSpeech, voice } from '../../test-support/fake-speech.js';

const VOICES = () => [voice('English', 'en-US', { default: true }), voice('台湾', 'zh-TW'), voice('普通话', 'zh-CN'), voice('粤语', 'zh-HK')];

// Seed 003 (广州市商务局, 2021), with its damaged text as it came off the portal, and part of its task table.
const TITLE = '广州市商务局关于印发2021年政务公开工作要点分工实施方案的通知';
const PARAS = [
  '机关各处室、各直属单位9/p>',
  '按照《广州市人民政府办公厅关于印发广州市2021年政务公开工作要点分工方案的通知》(穗府办函?021?7号)要求,现制定《广州市商务局2021年政务公开工作要点分工实施方案》,请结合实际认真落实。落实过程中,如有问题和建议,请径向局政务公开办(局办公室)反映、/p>',
  '(联系人:吴成刚,电话:88902886(/p>',
];
const BASIS = [
  '(一)、《国务院办公厅关于印?021年政务公开工作要点的通知》(国办发?021?2号)',
  '(二)、《广东省人民政府办公厅关于印发广东省贯彻落实国务院办公厅2021年政务公开工作要点分工方案的通知》(粤府办?021?7号)',
];
const HEAD = ['工作任务', '具体要求', '责任处室', '具体工作', '完成时限'];
const ROWS = [
  [
    '(一)做好各类规划主动公开、/td>',
    '1.县级以上各级政府要主动公开国民经济和社会发展第十四个五年规划纲要、国土空间规划、专项规划和区域规划等、/td>',
    '综合处会各业务处宣/td>',
    '密切跟进省商务发展规划编制进展,对接后及时上报市政府审定印发,并按要求做好主动公开和新闻宣传工作、/td>',
    '2021年底',
  ],
  [
    '',
    '5.持续深化地方政府债务信息公开,通过集中统一平台定期公开地方政府债务限额、余额、发行、品种、期限、利率、偿还计划、偿债资金来源等信息、/td>',
    '',
    '组织所属单位在财政部全口径地方政府债务监测平台做好每月零债务申报,支持全市地方政府债务信息公开工作、/td>',
    '2021年底',
  ],
  [
    '(一)持续加强重大政策发布解读、/td>',
    '8.市直各部门、各区政府要结合全市新闻发布会计划,综合运用新闻发布会、在线访谈、图文动画、短视频等形式,对重大政策开展深入解读,更加注重对政策背景、出台目的、重要举措等方面的实质性解读、/td>',
    '综合处会各业务处宣/td>',
    '紧抓重大政策发布和重大活动宣传契机,加强与中央、省市主要媒体、部分境外媒体以及有影响力的自媒体沟通交流,推出高质量的图文、视频报道,努力搭建覆盖境内境外、动态深度的全方位、立体化的传播格局,增?ldquo;穗商务宣的权威性和影响力、/td>',
    '2021年底',
  ],
];
const NOTE_TITLE = '备注';
const NOTE = '本方案自印发之日起施行。';

/** What must be read, unit by unit, in order (a table row's cells joined with '，', empty cells left out). */
const EXPECTED = [
  TITLE,
  ...PARAS,
  '一、制定依?/p>',
  BASIS[0],
  '国办发',
  BASIS[1],
  '第一行\n第二行',
  HEAD.join('，'),
  ...ROWS.map((r) => r.filter(Boolean).join('，')),
  NOTE_TITLE,
  NOTE,
  '政务公开',
];

async function article(): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<article lang="zh-CN">
    <div data-zw-skip><button>朗读</button><p>工具条说明，不读</p></div>
    <h1>${TITLE}</h1>
    ${PARAS.map((p) => html`<p>  ${p}\n</p>`)}
    <p hidden>隐藏的段落，不读</p>
    <p class="gone">不显示的段落，不读</p>
    <div role="heading" aria-level="2">一、制定依?/p></div>
    <ul>
      <li>${BASIS[0]}</li>
      <li>
        <ul><li>国办发</li></ul>
      </li>
      <li>${BASIS[1]}</li>
    </ul>
    <p>第一行<br />第二行</p>
    <div class="table-scroll">
      <p class="table-hint" aria-hidden="true" hidden>左右滑动查看更多</p>
      <table>
        <thead><tr>${HEAD.map((h) => html`<th>${h}</th>`)}</tr></thead>
        <tbody>
          ${ROWS.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}
          <tr><td> </td><td></td></tr>
        </tbody>
      </table>
    </div>
    <div class="block-note" role="note"><div class="block-note-title">${NOTE_TITLE}</div><p>${NOTE}</p></div>
    <p>政务<ruby>公<rt>gōng</rt></ruby>开</p>
    <style>
      .gone { display: none; }
    </style>
  </article>`);
}

const squash = (s: string) => s.replace(/\s+/g, '');
/** Highlight text compared with the utterance: the DOM has no '，' between cells and its own white space. */
const bare = (s: string) => s.replace(/[\s，]/g, '');
const highlightText = () => {
  const h = CSS.highlights.get('zw-reading');
  return h ? [...(h as unknown as Set<Range>)].map((r) => r.toString()).join('') : undefined;
};
/** A unit's text without ruby annotations (拼音 <rt> is not read). */
const readText = (unit: Element): string =>
  [...unit.childNodes].map((n) => (n instanceof Text ? n.data : n instanceof Element && n.localName !== 'rt' ? readText(n) : '')).join('');
const markedUnits = () => [...document.querySelectorAll('[data-zw-reading]')];

describe('read aloud (speech.ts) against a fake speechSynthesis', () => {
  let synth: FakeSynth;
  let root: HTMLElement;
  let statuses: SpeechStatus[];
  let reader: ReadAloud | undefined;
  const make = (options: Partial<ConstructorParameters<typeof ReadAloud>[0]> = {}) =>
    (reader = new ReadAloud({ units: () => readableUnits(root), onChange: (s) => statuses.push(s), scrollIntoView: false, ...options }));
  /** Ends each utterance as the engine would, checking the marks at each step; returns the texts spoken. */
  const readToTheEnd = (r: ReadAloud, limit = 200) => {
    const texts: string[] = [];
    while (r.status.state === 'playing' && texts.length < limit) {
      const u = synth.last;
      texts.push(u.text);
      expect(r.status.text).to.equal(u.text);
      expect(bare(highlightText() ?? ''), 'the highlight is over the sentence being read').to.equal(bare(u.text));
      expect(markedUnits(), 'data-zw-reading on the unit being read only').to.deep.equal([r.status.unit]);
      expect(bare(readText(r.status.unit!))).to.contain(bare(u.text));
      synth.end(u);
    }
    return texts;
  };

  beforeEach(async () => {
    synth = installSpeech(new FakeSynth(VOICES()))!;
    root = await article();
    statuses = [];
  });
  afterEach(() => {
    reader?.stop();
    reader = undefined;
    uninstallSpeech();
  });

  it('finds the readable units in document order, once each, skipping hidden things, the toolbar and empty rows', () => {
    const units = readableUnits(root);
    const texts = units.map((u) =>
      u.localName === 'tr'
        ? [...u.children]
            .map((c) => c.textContent!.trim())
            .filter(Boolean)
            .join('，')
        : readText(u),
    );
    expect(units.length).to.equal(EXPECTED.length);
    expect(texts.map(squash)).to.deep.equal(EXPECTED.map(squash));
    expect(units.map((u) => u.localName)).to.include.members(['h1', 'li', 'tr', 'div', 'p']);
    expect(units.some((u) => u.closest('[data-zw-skip]'))).to.equal(false);
    expect(unitFor(root.querySelector('td')!, units)).to.equal(root.querySelector('tbody tr'));
    // in a shadow root as well
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<div class="content"><p>甲。</p><div data-zw-skip><p>乙</p></div><ol><li>丙</li></ol></div>';
    root.append(host);
    expect(readableUnits(host.shadowRoot!).map((u) => u.textContent)).to.deep.equal(['甲。', '丙']);
  });

  it('连读: one utterance at a time, each ≤ 120 characters, in order, covering the whole text, the sentence highlighted', () => {
    const r = make();
    r.play();
    expect(r.status.state).to.equal('playing');
    const texts = readToTheEnd(r);
    expect(texts.every((t) => t.length <= 120 && t.trim() === t && t.length > 0)).to.equal(true);
    expect(squash(texts.join(''))).to.equal(squash(EXPECTED.join('')));
    expect(texts.length).to.be.greaterThan(EXPECTED.length); // long sentences and table cells were split
    expect(texts).to.include.members(['第一行', '第二行']); // a <br> is a line end
    expect(synth.overlaps, 'never two utterances in the engine').to.equal(0);
    expect(synth.spoken.every((u) => u.lang === 'zh-CN' && u.rate === 1)).to.equal(true);
    // the end: idle, no marks
    expect(r.status.state).to.equal('idle');
    expect(markedUnits()).to.deep.equal([]);
    expect(CSS.highlights.has('zw-reading')).to.equal(false);
    expect(statuses[0]).to.include({ state: 'playing', text: TITLE });
    expect(statuses.at(-1)).to.deep.equal({ state: 'idle' });
  });

  it('highlights a table row sentence over the cells it spans, and follows text changed in place (简→繁)', () => {
    const r = make();
    const row = root.querySelectorAll('tbody tr')[0] as HTMLTableRowElement;
    r.readOne(row);
    const h = CSS.highlights.get('zw-reading') as unknown as Set<Range>;
    expect(h.size, 'one range per cell touched').to.be.greaterThan(1);
    expect(bare(highlightText()!)).to.equal(bare(synth.last.text));
    // convert a text node in place, same length (as applyScript does), before the next sentence
    const cell = [...row.cells[3].childNodes].find((n): n is Text => n instanceof Text && n.data.includes('对接后'))!;
    cell.data = cell.data.replace('对接后及时上报市政府审定印发', '對接後及時上報市政府審定印發');
    expect(synth.last.text, 'not yet the sentence changed').not.to.contain('对接后');
    synth.end();
    expect(synth.last.text).to.contain('對接後及時上報');
    expect(bare(highlightText()!)).to.equal(bare(synth.last.text));
  });

  it('applies the rate and the voice: by voiceURI, else the first zh-CN voice; lang from the unit', () => {
    const r = make({ rate: 1.5 });
    r.play();
    expect(synth.last.rate).to.equal(1.5);
    expect(synth.last.voice?.voiceURI).to.equal('uri:普通话'); // zh-CN before zh-TW, even listed later
    r.rate = 0.75;
    r.voice = 'uri:台湾';
    synth.end();
    expect(synth.last.rate).to.equal(0.75);
    expect(synth.last.voice?.voiceURI).to.equal('uri:台湾');
    r.rate = 9;
    synth.end();
    expect(synth.last.rate).to.equal(2);
    // a unit in another language: its own lang, the engine picks the voice
    const en = document.createElement('p');
    en.lang = 'en';
    en.textContent = 'An English paragraph.';
    root.append(en);
    r.readOne(en);
    expect(synth.last).to.include({ text: 'An English paragraph.', lang: 'en', voice: null });
  });

  it('speaks shorter pieces with a network voice (Chrome’s Google voices stop after ~15 s)', () => {
    synth.voices = [voice('Google 普通话（中国大陆）', 'zh-CN', { localService: false })];
    const r = make();
    r.play();
    const texts = readToTheEnd(r);
    expect(Math.max(...texts.map((t) => t.length))).to.be.at.most(55);
    expect(squash(texts.join(''))).to.equal(squash(EXPECTED.join('')));
  });

  it('pause/resume on desktop: the engine pauses and resumes the same utterance', () => {
    const r = make();
    r.play();
    synth.end();
    const u = synth.last;
    r.pause();
    expect(r.status.state).to.equal('paused');
    expect(synth.paused).to.equal(true);
    expect(markedUnits().length, 'the marks stay while paused').to.equal(1);
    r.resume();
    expect(r.status.state).to.equal('playing');
    expect(synth.calls.slice(-2)).to.deep.equal(['pause', 'resume']);
    expect(synth.last).to.equal(u);
    synth.end(u);
    expect(synth.last).not.to.equal(u);
    expect(synth.spoken.length).to.equal(3);
  });

  for (const android of ['end', 'error', 'silent', 'end-held'] as const) {
    it(`Android-style pause that cancels (${android}): resume says the sentence again from its beginning`, async () => {
      synth.android = android;
      const r = make();
      r.play();
      synth.end();
      const u = synth.last;
      r.pause();
      if (android !== 'silent') await until(() => synth.asyncFired === 1, 'the engine ending the utterance on pause');
      expect(synth.speaking).to.equal(android === 'end-held');
      expect(r.status.state, 'still paused, not skipped on').to.equal('paused');
      expect(synth.spoken.length).to.equal(2);
      r.resume();
      expect(r.status.state).to.equal('playing');
      expect(synth.spoken.length).to.equal(3);
      expect(synth.last).not.to.equal(u);
      expect(synth.last.text).to.equal(u.text);
      expect(bare(highlightText()!)).to.equal(bare(u.text));
      const rest = readToTheEnd(r);
      expect(squash(synth.spoken[0].text + rest.join(''))).to.equal(squash(EXPECTED.join('')));
    });
  }

  it('stop(): cancels, clears the highlight and the attribute, idle; the engine’s late events change nothing', async () => {
    const r = make();
    r.play(root.querySelector('li')!);
    synth.end();
    r.stop();
    expect(r.status).to.deep.equal({ state: 'idle' });
    expect(synth.calls.at(-1)).to.equal('cancel');
    expect(markedUnits()).to.deep.equal([]);
    expect(CSS.highlights.has('zw-reading')).to.equal(false);
    await until(() => synth.asyncFired === 1, 'the late interrupted error of the cancelled utterance');
    expect(r.status.state).to.equal('idle');
    expect(synth.spoken.length).to.equal(2);
  });

  it('readOne (指读): reads that unit only, replacing what was being read; a cell reads its row', async () => {
    const r = make();
    r.play();
    synth.end();
    const para = root.querySelectorAll('p')[2] as HTMLElement;
    r.readOne(para);
    await until(() => synth.asyncFired === 1, 'the late error of the replaced utterance');
    expect(r.status.unit).to.equal(para);
    expect(squash(readToTheEnd(r).join(''))).to.equal(squash(PARAS[1]));
    expect(r.status.state).to.equal('idle');
    r.readOne(root.querySelector('tbody td')!);
    expect(squash(readToTheEnd(r).join(''))).to.equal(squash(ROWS[0].join('，')));
  });

  it('play(from): 连读 from that unit (or the unit something is in) to the end', () => {
    const r = make();
    const row = root.querySelectorAll('tbody tr')[1] as HTMLTableRowElement;
    r.play(row.cells[1]);
    expect(r.status.unit).to.equal(row);
    const from = EXPECTED.indexOf(ROWS[1].filter(Boolean).join('，'));
    expect(squash(readToTheEnd(r).join(''))).to.equal(squash(EXPECTED.slice(from).join('')));
  });

  it('an engine error skips to the next utterance and is reported once; repeated failures stop', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const r = make();
      r.play();
      synth.fail('synthesis-failed');
      expect(r.status.state).to.equal('playing');
      expect(synth.last.text).to.equal(PARAS[0]);
      synth.fail('audio-busy');
      expect(warnings.length).to.equal(1);
      expect(String(warnings[0][0])).to.match(/^\[zhengwu-elements\] read aloud/);
      synth.fail('network');
      expect(r.status.state, 'three failures in a row').to.equal('idle');
      expect(markedUnits()).to.deep.equal([]);
    } finally {
      console.warn = original;
    }
  });

  it('someone else cancelling the engine (interrupted, not by us) ends the reading', () => {
    const r = make();
    r.play();
    synth.fail('interrupted');
    expect(r.status.state).to.equal('idle');
    expect(markedUnits()).to.deep.equal([]);
  });

  describe('a stuck engine (no end, ever)', () => {
    /** The watchdog's clock, driven by the test: time passes only when `elapse()` says so. */
    class ManualClock {
      private timers = new Map<number, () => void>();
      private next = 0;
      set = (callback: () => void) => {
        this.timers.set(++this.next, callback);
        return this.next;
      };
      clear = (handle: unknown) => void this.timers.delete(handle as number);
      /** armed watchdogs */
      get pending() {
        return this.timers.size;
      }
      /** Longer than any watchdog's delay passes: every armed one fires. */
      elapse() {
        const due = [...this.timers.values()];
        this.timers.clear();
        for (const callback of due) callback();
      }
    }
    const original = ReadAloud.clock;
    let clock: ManualClock;
    let warn: typeof console.warn;
    beforeEach(() => {
      clock = new ManualClock();
      ReadAloud.clock = clock;
      warn = console.warn;
      console.warn = () => {};
    });
    afterEach(() => {
      ReadAloud.clock = original;
      console.warn = warn;
    });

    it('started but never ended: moves on to the next utterance', () => {
      const r = make();
      r.play();
      synth.start();
      expect(clock.pending, 'a watchdog on the utterance').to.equal(1);
      clock.elapse();
      expect(synth.spoken.map((u) => u.text)).to.deep.equal([TITLE, PARAS[0]]);
      expect(r.status.state).to.equal('playing');
      expect(synth.calls).to.include('cancel');
      expect(clock.pending, 'one watchdog, on the new utterance').to.equal(1);
    });

    it('never started: says it once more, then moves on; paused is never a stall', () => {
      const r = make();
      r.play();
      clock.elapse();
      expect(synth.spoken.map((u) => u.text)).to.deep.equal([TITLE, TITLE]);
      clock.elapse();
      expect(synth.spoken.map((u) => u.text)).to.deep.equal([TITLE, TITLE, PARAS[0]]);
      // paused: no watchdog, however long the pause
      synth.end();
      r.pause();
      expect(clock.pending, 'no watchdog while paused').to.equal(0);
      clock.elapse();
      expect(synth.spoken.length).to.equal(4);
      expect(r.status.state).to.equal('paused');
      // resumed: watched again
      r.resume();
      expect(clock.pending).to.equal(1);
      r.stop();
      expect(clock.pending, 'stop() leaves no watchdog').to.equal(0);
    });
  });

  it('keeps the unit being read in view', async () => {
    const spacer = document.createElement('div');
    spacer.className = 'spacer';
    spacer.style.height = '3000px';
    root.querySelector('table')!.before(spacer);
    const r = make({ scrollIntoView: true });
    const row = root.querySelectorAll('tbody tr')[2] as HTMLElement;
    r.play(row);
    await until(() => {
      const box = row.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    }, 'the row scrolled into view');
    window.scrollTo(0, 0);
  });

  it('keeps it in view at once, without smooth scrolling, under prefers-reduced-motion', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    root.querySelector('table')!.before(spacer);
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      window.scrollTo(0, 0);
      const r = make({ scrollIntoView: true });
      const row = root.querySelectorAll('tbody tr')[2] as HTMLElement;
      r.play(row);
      const box = row.getBoundingClientRect(); // no frame waited: an instant scroll is done already
      expect(box.top >= 0 && box.bottom <= innerHeight, 'in view at once').to.equal(true);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
      window.scrollTo(0, 0);
    }
  });
});

describe('voices and availability', () => {
  afterEach(uninstallSpeech);

  it('sorts Chinese voices zh-CN first (Android writes zh_CN), leaving out other languages', () => {
    const voices = [voice('en', 'en-US'), voice('hk', 'zh-HK'), voice('tw', 'zh-TW'), voice('cn', 'zh_CN'), voice('cmn', 'cmn-Hans-CN'), voice('ja', 'ja-JP')];
    expect(sortChineseVoices(voices).map((v) => v.name)).to.deep.equal(['cn', 'cmn', 'tw', 'hk']);
  });

  it('chineseVoices: at once when the engine has them', async () => {
    installSpeech(new FakeSynth(VOICES()));
    expect((await chineseVoices()).map((v) => v.lang)).to.deep.equal(['zh-CN', 'zh-TW', 'zh-HK']);
  });

  it('chineseVoices: waits for a late voiceschanged', async () => {
    const synth = installSpeech(new FakeSynth([]))!;
    const found = chineseVoices(60_000);
    synth.voices = VOICES();
    synth.dispatchEvent(new Event('voiceschanged'));
    expect((await found).map((v) => v.lang)).to.deep.equal(['zh-CN', 'zh-TW', 'zh-HK']);
  });

  it('chineseVoices: asks again when voiceschanged never fires', async () => {
    const synth = installSpeech(new FakeSynth([]))!;
    const found = chineseVoices(60_000);
    synth.voices = VOICES();
    expect((await found).length).to.equal(3);
  });

  it('chineseVoices: gives up after the timeout with none', async () => {
    installSpeech(new FakeSynth([]));
    expect(await chineseVoices(50)).to.deep.equal([]);
  });

  it('no Chinese voice: unavailable with a reason, play() does nothing; a voice arriving later makes it available', async () => {
    const synth = installSpeech(new FakeSynth([voice('English', 'en-US')]))!;
    const statuses: SpeechStatus[] = [];
    const p = document.createElement('p');
    p.textContent = '政务公开。';
    document.body.append(p);
    try {
      const r = new ReadAloud({ units: () => [p], onChange: (s) => statuses.push(s) });
      await until(() => r.status.state === 'unavailable', 'the status after the lookup');
      expect(r.status).to.deep.equal({ state: 'unavailable', reason: 'no-chinese-voice' });
      r.play();
      expect(synth.spoken.length).to.equal(0);
      synth.voices = VOICES();
      synth.dispatchEvent(new Event('voiceschanged'));
      expect(r.status.state).to.equal('idle');
      r.play();
      expect(synth.last.text).to.equal('政务公开。');
      r.stop();
    } finally {
      p.remove();
    }
  });

  it('voices that arrive after the lookup gave up, with no voiceschanged: play(), play(from) and readOne() look again and start', async () => {
    const synth = installSpeech(new FakeSynth([voice('English', 'en-US')]))!;
    const p = document.createElement('p');
    p.textContent = '政务公开。';
    const q = document.createElement('p');
    q.textContent = '依法公开。';
    document.body.append(p, q);
    try {
      for (const start of [(r: ReadAloud) => r.play(), (r: ReadAloud) => r.play(q), (r: ReadAloud) => r.readOne(q)]) {
        synth.voices = [voice('English', 'en-US')];
        const r = new ReadAloud({ units: () => [p, q], scrollIntoView: false });
        await until(() => r.status.state === 'unavailable', 'no Chinese voice after the lookup');
        synth.voices = VOICES(); // a voice pack installed; this browser never fires voiceschanged
        const before = synth.spoken.length;
        start(r);
        expect(r.status.state).to.equal('playing');
        expect(synth.spoken.length).to.equal(before + 1);
        expect(synth.last.voice?.voiceURI).to.equal('uri:普通话');
        r.stop();
      }
      expect(synth.spoken.map((u) => u.text)).to.deep.equal(['政务公开。', '依法公开。', '依法公开。']);
    } finally {
      p.remove();
      q.remove();
    }
  });

  it('no speechSynthesis at all: unavailable (no-speech), every method a no-op', async () => {
    installSpeech(undefined);
    const r = new ReadAloud({ units: () => [document.body] });
    expect(r.status).to.deep.equal({ state: 'unavailable', reason: 'no-speech' });
    r.play();
    r.readOne(document.body);
    r.pause();
    r.resume();
    r.stop();
    expect(r.status.state).to.equal('unavailable');
    expect(await chineseVoices(10)).to.deep.equal([]);
  });
});
