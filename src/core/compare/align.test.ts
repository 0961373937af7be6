import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compareClauses, MOVE_THRESHOLD, SIMILARITY_THRESHOLD } from './align.js';
import { diffText } from './diff.js';
import { bigrams, contentKey, dice } from './similarity.js';
import { splitClauses } from './split.js';
import type { Clause, ClauseChange, Comparison } from './types.js';
import { seededRandom } from '../../test-support/random.js';

// The body of seed 000 (山东省商务厅《2019年政务公开工作实施方案》): realistic sentences and phrases for fixtures.
const SEED_000 = `2019年我厅政务公开工作,坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的十九大和十九届二中、三中全会精神,认真落实新修订的《中华人民共和国政府信息公开条例》,围绕全省商务中心工作及企业、群众关注关切,坚持做好信息发布、解读回应、政民互动、平台建设,推动全省商务工作实现高质量发展。
一、深化重点领域信息公开
(一)推进市场消费信息公开。聚焦引导消费升级,加强我省消费市场运行信息公开。定期发布重要生活必需品、生产资料市场运行情况,加强重要节假日和敏感时期的市场监测,预测预警市场变化信息,在生活必需品市场发生波动时发布信息,及时引导和协同应对。(市场运行处负责)
(二)推进“放管服”改革信息公开。一是结合机构改革和职能优化,及时向社会公开调整后的权责清单并对政务服务事项进行标准化梳理。对山东政务服务网、厅门户网站政务大厅权责清单的各项要素进行梳理修订,实现网上大厅与实体大厅服务信息一致,方便群众和企业办事。二是健全“双随机、一公开”监管手段,多渠道、全方位及时公开综合监管和检查执法信息,提高监管效能和公正性,增强监管威慑力和公信力。将检查处置结果通过“国家企业信用信息公示系统(山东)和“信用中国(山东)”网站公开。三是定期公开政府规章、规范性文件清理结果。根据清理结果,及时公布文件的废止、失效等情况,并在厅门户网站已发布的原文件上作出明确标注。(法规处牵头,相关处室负责)
(三)推进人大代表建议和政协委员提案办理结果公开。对涉及公共利益、公众权益、社会关切及需要社会广泛知晓的建议和提案,处室原则上要主动公开并在厅网站“建议提案”栏目公开。(办公室牵头,相关处室负责)
(四)推进招商引资信息公开。健全完善“选择山东”网站,公开招商引资信息,强化对商务部门出台的招商引资政策、商务领域招商项目情况等信息的动态管理和实时更新。(投资促进中心负责)
二、强化解读回应广大公众参与
(一)加强政策解读。围绕全省商务工作重点,全面公开、精准解读相关政策措施,确保政策内涵透明、信号清晰,稳定社会预期,提振市场信心。按照“谁起草、谁解读”的原则,做好政策解读工作。主办处室应将政策性文件与解读方案、解读材料同步组织、同步审签、同步部署。解读政策时,着重解读政策措施的背景依据、目标任务、主要内容、涉及范围、执行标准,以及注意事项、关键词诠释、新旧政策差异等,使政策内涵透明,避免误解误读。在厅门户网站设立“政策解读”栏目,主办处室应将相关解读材料于文件公布后3个工作日内在网站政策解读专栏发布,并做好与政策文件的相互链接。在重要政策出台、重点工作推进、重大事件发生时,主要负责同志要履行好信息发布、权威定调、自觉把关等“第一解读人”职责,带头解读政策,主动引导预期,每年解读重要政策措施不少于2次。(相关处室负责)
(二)积极回应社会关切。出台的重要改革措施、涉及公众切身利益、容易引发媒体和社会关注的政策文件,牵头起草处室主动加强和舆情服务公司沟通,做好舆情信息的收集、预警、分析、研判工作,对舆情风险进行评估研判,制定应对处置预案。坚持事件处置和舆情应对同步安排、同步实施、同步落实。主动与宣传、网信等相关部门联系沟通,完善重大政务舆情信息共享、协同联动、快速反应机制。(办公室牵头,相关处室负责)
(三)增强回应效果。积极运用电视问政、网络文章、媒体专访、座谈访谈、撰写文章、简明问答等方式,采用图片图表、音频视频、卡通动漫等群众喜闻乐见的展现形式,多用客观事实、客观数据、生动案例,进行立体式、多方位解读,真正让群众看得到、能理解。对专业性较强的政策,要发挥专家学者的作用,进行专业解读,提升解读的准确性、权威性。对群众关切和社会热点,要主动快速引导、释放权威信号、正面回应疑虑、推动解决实际问题,提升政府公信力,赢得群众理解和支持。(办公室、信息中心、相关处室负责)
三、积极拓展政民互动
(一)推进决策公开。出台涉及企业的政策,起草处室要加强与市场的沟通,主动向有代表性的企业家和行业协会商会以及律师协会问计求策,使各项政策符合省情和商务工作实际,更接地气、更合民意。出台涉及公众利益和权益的政策,除依法应当保密的外,起草处室要主动通过厅门户网站预公开栏目、政务新媒体等渠道,向社会公布。对预公开征集到的意见,吸收采纳情况要向公众公开,不予采纳的要说明理由。(各处室负责)
(二)推进会议公开。邀请利益相关方、公众、专家、媒体等列席有关会议,增强决策透明度。对涉及公众利益、需要社会广泛知晓的电视电话会议,要积极通过厅门户网站“会议公开”栏目向社会公开。提交厅长办公会审议的重大政策措施,除依法应当保密的外,有关处室提交议题内容时,应提出是否邀请相关人员列席会议、是否公开及公开方式的意见,随议题内容一并报批,年内邀请相关人员列席厅长办公会不得少于2次。厅长办公会讨论决定的事项、制定的政策,除依法需要保密的外,及时在厅门户网站“厅长办公会”专栏公开,以公开促进依法行政和政策落地见效,充分保障人民群众的知情权。(办公室牵头,相关处室负责)
(三)推动公众参与。完善省级政务服务热线、山东政务服务办事咨询系统、厅网站网民咨询留言、问政山东网民留言办理机制。严格答复时限,对政务服务热线事项,严格按照办件单时限要求答复申请人;对山东政务服务办事咨询系统、厅网站网民咨询留言、问政山东网民留言事项,应于3个工作日内答复申请人。答复意见要遵循事实明确、表述清晰、有理有据的原则。网民留言答复意见涉及国家秘密、商业秘密和个人隐私的,应当在依照法律规定保密的基础上答复。对涉及个人隐私的答复,可通过电话、电子邮件等方式答复留言者本人,并在公开答复时对该留言进行说明。对情况特殊、难以办结的咨询留言,要做好解释工作。(办公室牵头,相关处室负责)
四、优化平台建设
(一)推进政府网站规范发展。严格落实网络意识形态责任制,加强政府网站内容建设和信息发布审核,各处室主要负责人是信息审核的第一责任人,要严格把好政治关、政策关、文字关。对厅门户网站政务公开栏目优化升级,做好信息公开目录栏目建设。不断提高网站搜索功能,优化搜索结果排序,增强用户体验。(办公室、信息中心负责)
(二)用好新媒体公开。推动新媒体和厅门户网站的协同联动、融合发展,充分利用好政务微博、微信,做好信息发布、政策解读和办事服务工作。加强政务新媒体日常监管和维护,按照“谁开设、谁管理”“谁发布、谁负责”的原则,落实主体责任,责任处室对开通的新媒体要每周定时更新信息,对具有互动功能的群众留言,要及时答复,对长期信息不更新、功能相近、用户关注度和利用率低的新媒体,要进行清理整合。(相关处室负责)
五、加强政务公开制度化规范化建设
(一)更新主动公开目录。根据机构改革后我厅“三定”方案,对主动公开目录进行调整完善。凡列入主动公开目录的公开事项,除涉及国家秘密、商业秘密、个人隐私及其他按规定不予公开的内容外,均应主动公开。(办公室牵头,相关处室负责)
(二)严格落实公文办理程序。落实政府信息公开属性源头认定机制,处室在公文传输系统拟制公文时要明确主动公开、依申请公开、不予公开等属性(系统默认主动公开),拟依申请公开或不予公开的,要依法依规说明理由。处于调查阶段、讨论阶段的过程性和程序性信息,具有不确定性和未完成的信息,可以不公开。在公文附注部分应标注公开属性。对未说明依申请公开或不予公开理由的公文,办公室予以退文。(办公室牵头,相关处室负责)
(三)完善政府信息依申请公开工作。严格时限办理,原则上自收到申请之日起20个工作日内予以答复。处室在拟定政府信息公开告知书时要严谨规范,依法不属于我厅公开或者该政府信息不存在的,应书面告知申请人,对能够确定该政府信息的公开机关的,应当告知申请人该行政机关的名称、联系方式。告知书经办公室、法规处审核后,落款盖“山东省商务厅”印章以商务便函形式回复申请人。(办公室牵头,相关处室负责)
六、强化政务公开保障措施
(一)健全体制机制。各处室要高度重视政务公开工作,政务公开考核得分纳入省直机关绩效考核。进一步理顺和完善领导体制、工作机制,及时调整厅政务公开领导小组,切实履行指导协调职能。主要负责人要定期听取汇报、协调解决问题,分管负责人要直接参与、落实责任,确保各项公开工作任务完成。根据政务公开新任务新要求新职责,加强政务公开人员配备和经费保障。
(二)强化考核、培训工作。将政务公开纳入厅绩效考核体系,分值不低于4%。认真制定政务公开年度培训计划,抓好新修订的政府信息公开条例的贯彻落实,邀请专家来我厅培训,切实增强公开意识和能力。`;
const SENTENCES = SEED_000.split(/(?<=[。])|\n/)
  .map((s) => s.trim())
  .filter((s) => s.length >= 12);
const PHRASES = [
  ...new Set(
    SEED_000.split(/[，,。；;、：:（）()“”《》\n]+/)
      .map((s) => s.trim())
      .filter((s) => s.length >= 2 && !/^[一二三四五六七八九十]+$/.test(s)),
  ),
];

/** A clause as split text gives it (the number as written; id from the number). */
function clause(id: string, number: string, text: string, heading?: string): Clause {
  return { id, number, kind: 'article', depth: 0, parents: [], text, index: 0, ...(heading !== undefined ? { heading } : {}) };
}
/** Clauses 第1条…第N条 (index = position) from texts. */
const articles = (texts: string[]) => texts.map((text, k) => ({ ...clause(`第${k + 1}条`, `第${k + 1}条`, text), index: k }));
const list = (clauses: Clause[]) => clauses.map((c, k) => ({ ...c, index: k }));

/** A row as a short string for readable expectations: kind, old number → new number. */
const row = (c: ClauseChange) => `${c.kind}${c.placement ? `:${c.placement}` : ''} ${c.old?.number ?? '—'}→${c.new?.number ?? '—'}`;
const rows = (comparison: Comparison) => comparison.changes.map(row);

const random = seededRandom;
const pick = <T>(r: () => number, items: T[]) => items[Math.floor(r() * items.length)];
/** A clause of about `length` characters made of seed phrases, as a drafter strings them together. */
function clauseText(r: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += pick(r, PHRASES) + (r() < 0.3 ? '、' : '，');
  return text.slice(0, -1) + '。';
}
/** A small edit a revision makes: one phrase added in front of another, or one phrase reworded. */
function slightly(r: () => number, text: string): string {
  const parts = text.split(/(?<=[，、])/);
  const k = Math.floor(r() * parts.length);
  const phrase = pick(
    r,
    PHRASES.filter((p) => p.length <= 8),
  );
  parts[k] = r() < 0.5 ? phrase + parts[k] : phrase + (/[，、。]$/.exec(parts[k])?.[0] ?? '');
  return parts.join('');
}
/** Texts unrelated to each other (pairwise Dice below 0.3), so that a replacement is not a modification. */
function distinctTexts(r: () => number, count: number, taken: Float64Array[] = []): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const text = clauseText(r, 80 + Math.floor(r() * 120));
    const profile = bigrams(contentKey({ text }));
    if (taken.some((p) => dice(p, profile) >= 0.3)) continue;
    taken.push(profile);
    out.push(text);
  }
  return out;
}

describe('compareClauses', () => {
  const texts = SENTENCES.slice(0, 8);

  it('finds identical versions unchanged', () => {
    const result = compareClauses(articles(texts), articles(texts));
    expect(result.changes.map((c) => c.kind)).to.deep.equal(Array(8).fill('unchanged'));
    expect(result.summary).to.deep.equal({ added: 0, deleted: 0, modified: 0, moved: 0, unchanged: 8 });
    for (const c of result.changes) (expect(c).to.deep.include({ renumbered: false, explicit: false, similarity: 1, notes: [] }), expect(c.segments).to.equal(undefined));
  });

  it('treats a version with nothing on one side as all added or all deleted, and two empty versions as nothing', () => {
    expect(compareClauses([], articles(texts)).summary).to.deep.equal({ added: 8, deleted: 0, modified: 0, moved: 0, unchanged: 0 });
    expect(compareClauses([], articles(texts)).changes.map((c) => c.new!.number)).to.deep.equal(articles(texts).map((c) => c.number));
    expect(compareClauses(articles(texts), []).changes.every((c) => c.kind === 'deleted' && c.old && !c.new && c.similarity === 0)).to.equal(true);
    expect(compareClauses([], [])).to.deep.equal({ changes: [], summary: { added: 0, deleted: 0, modified: 0, moved: 0, unchanged: 0 } });
  });

  it('pairs every clause after an insertion at the start as unchanged, renumbered', () => {
    const added = '为进一步做好政务公开工作，结合我厅实际，制定本方案。';
    const result = compareClauses(articles(texts), articles([added, ...texts]));
    expect(rows(result)).to.deep.equal(['added —→第1条', ...texts.map((_, k) => `unchanged 第${k + 1}条→第${k + 2}条`)]);
    expect(result.changes.slice(1).every((c) => c.renumbered && c.similarity === 1)).to.equal(true);
    expect(result.summary).to.deep.equal({ added: 1, deleted: 0, modified: 0, moved: 0, unchanged: 8 });
  });

  it('ignores spacing, full-width forms and line wrapping, and compares headings', () => {
    const old = list([clause('a', '第一条', '坚持以公开为常态、不公开为例外 (2019)。'), clause('b', '第二条', '加强政策解读。', '解读')]);
    const revised = list([clause('a', '第一条', '坚持以公开为常态、\n不公开为例外（２０１９）。'), clause('b', '第二条', '加强政策解读。', '政策解读')]);
    const result = compareClauses(old, revised);
    expect(rows(result)).to.deep.equal(['unchanged 第一条→第一条', 'modified 第二条→第二条']);
    expect(result.changes[0].segments).to.equal(undefined);
    expect(result.changes[1].segments, 'text unchanged').to.equal(undefined);
    expect(result.changes[1].headingSegments).to.deep.equal([
      { op: 'insert', text: '政策' },
      { op: 'equal', text: '解读' },
    ]);
  });

  it('shows a heading added or removed as one insert or delete', () => {
    const result = compareClauses(list([clause('a', '第一条', '加强政策解读。')]), list([clause('a', '第一条', '加强政策解读。', '政策解读')]));
    expect(rows(result)).to.deep.equal(['modified 第一条→第一条']);
    expect(result.changes[0].headingSegments).to.deep.equal([{ op: 'insert', text: '政策解读' }]);
    const removed = compareClauses(list([clause('a', '第一条', '加强政策解读。', '政策解读')]), list([clause('a', '第一条', '加强政策解读。')]));
    expect(removed.changes[0].headingSegments).to.deep.equal([{ op: 'delete', text: '政策解读' }]);
  });

  it('places deleted clauses where they stood', () => {
    const result = compareClauses(articles(texts), articles([texts[0], texts[1], texts[3], texts[4], texts[5], texts[7]]));
    expect(rows(result)).to.deep.equal([
      'unchanged 第1条→第1条',
      'unchanged 第2条→第2条',
      'deleted 第3条→—',
      'unchanged 第4条→第3条',
      'unchanged 第5条→第4条',
      'unchanged 第6条→第5条',
      'deleted 第7条→—',
      'unchanged 第8条→第6条',
    ]);
    expect(result.summary).to.deep.equal({ added: 0, deleted: 2, modified: 0, moved: 0, unchanged: 6 });
  });

  it('pairs a reworded clause as modified with phrase-level segments', () => {
    const revised = [...texts];
    revised[3] = texts[3].replace('加强', '切实加强').replace('。', '，并定期公开。');
    const result = compareClauses(articles(texts), articles(revised));
    const modified = result.changes[3];
    expect(row(modified)).to.equal('modified 第4条→第4条');
    expect(modified.similarity).to.be.within(SIMILARITY_THRESHOLD, 0.99);
    expect(modified.segments!.filter((s) => s.op !== 'equal').map((s) => `${s.op}:${s.text}`)).to.include('insert:切实');
    expect(modified.segments!.map((s) => (s.op === 'delete' ? '' : s.text)).join('')).to.equal(revised[3]);
    expect(result.summary).to.deep.equal({ added: 0, deleted: 0, modified: 1, moved: 0, unchanged: 7 });
  });

  it('reports a clause replaced by unrelated text as deleted + added, deletion first', () => {
    const revised = [...texts];
    revised[4] = '本方案自印发之日起施行，由厅办公室负责解释。';
    const result = compareClauses(articles(texts), articles(revised));
    expect(rows(result).slice(4, 6)).to.deep.equal(['deleted 第5条→—', 'added —→第5条']);
    expect(result.summary).to.deep.equal({ added: 1, deleted: 1, modified: 0, moved: 0, unchanged: 7 });
  });

  it('finds a moved clause, identical or edited, as two linked rows counted once', () => {
    // 第2条 moves to the end unchanged; 第4条 moves to the front with a small edit
    const edited = texts[3].replace('。', '，并及时更新。');
    const revised = [edited, texts[0], texts[2], texts[4], texts[5], texts[6], texts[7], texts[1]];
    const result = compareClauses(articles(texts), articles(revised));
    expect(rows(result)).to.deep.equal([
      'moved:to 第4条→第1条',
      'unchanged 第1条→第2条',
      'moved:from 第2条→第8条',
      'unchanged 第3条→第3条',
      'moved:from 第4条→第1条',
      'unchanged 第5条→第4条',
      'unchanged 第6条→第5条',
      'unchanged 第7条→第6条',
      'unchanged 第8条→第7条',
      'moved:to 第2条→第8条',
    ]);
    const c = result.changes;
    expect([c[0].partner, c[4].partner, c[2].partner, c[9].partner]).to.deep.equal([4, 0, 9, 2]);
    expect(
      c[0].segments!.some((s) => s.op === 'insert' && s.text.includes('并及时更新')),
      'edited move has segments',
    ).to.equal(true);
    expect(c[4].segments, 'the from row shows the old text as it was').to.equal(undefined);
    expect(c[9].segments, 'identical move').to.equal(undefined);
    expect(c[9].similarity).to.equal(1);
    expect(c[0].similarity).to.be.within(MOVE_THRESHOLD, 0.99);
    expect(result.summary).to.deep.equal({ added: 0, deleted: 0, modified: 0, moved: 2, unchanged: 6 });
  });

  it('pairs repeated identical clauses in order', () => {
    const repeated = '(相关处室负责)';
    const old = articles([texts[0], repeated, texts[1], repeated, texts[2], repeated]);
    const revised = articles([texts[0], repeated, texts[1], '新增一项工作要求，由办公室负责。', repeated, texts[2], repeated]);
    expect(rows(compareClauses(old, revised))).to.deep.equal([
      'unchanged 第1条→第1条',
      'unchanged 第2条→第2条',
      'unchanged 第3条→第3条',
      'added —→第4条',
      'unchanged 第4条→第5条',
      'unchanged 第5条→第6条',
      'unchanged 第6条→第7条',
    ]);
  });

  it('lets explicit pairs win over the automatic alignment', () => {
    const revised = [...texts];
    revised[4] = '本方案自印发之日起施行，由厅办公室负责解释。';
    const result = compareClauses(articles(texts), articles(revised), { pairs: [{ oldId: '第5条', newId: '第5条' }] });
    expect(row(result.changes[4])).to.equal('modified 第5条→第5条');
    expect(result.changes[4].explicit).to.equal(true);
    expect(result.changes[4].similarity).to.be.below(SIMILARITY_THRESHOLD);
    expect(result.changes[4].segments!.length).to.be.greaterThan(0);
    // the data can also pair against the content: an identical clause given another partner
    const crossed = compareClauses(articles(texts), articles(texts), {
      pairs: [
        { oldId: '第1条', newId: '第2条' },
        { oldId: 'nothing', newId: '第3条' },
      ],
    });
    const paired = crossed.changes.find((c) => c.explicit)!;
    expect([paired.old!.id, paired.new!.id]).to.deep.equal(['第1条', '第2条']);
    expect(crossed.changes.filter((c) => c.explicit)).to.have.length(1);
    expect(crossed.changes.find((c) => c.new?.id === '第3条')!.old!.id, 'a pair naming nothing is ignored').to.equal('第3条');
  });

  it('leaves a pair naming an id held by two clauses to the automatic alignment instead of binding the first', () => {
    // clause lists with a duplicated id (the rules report it): the pair cannot say which clause it means
    const old = list([clause('a', '1.', texts[0]), clause('a', '2.', texts[1]), clause('b', '3.', texts[2])]);
    const revised = list([clause('a', '1.', texts[1]), clause('a', '2.', texts[0]), clause('b', '3.', texts[2])]);
    const result = compareClauses(old, revised, { pairs: [{ oldId: 'a', newId: 'a' }] });
    expect(result.changes.filter((c) => c.explicit)).to.have.length(0);
    for (const c of result.changes.filter((c) => c.old && c.new)) expect(c.old!.text, 'each clause paired with its own text').to.equal(c.new!.text);
    expect(result.summary).to.deep.equal({ added: 0, deleted: 0, modified: 0, moved: 1, unchanged: 2 });
    // an unambiguous pair next to it still holds
    const held = compareClauses(old, revised, { pairs: [{ oldId: 'b', newId: 'b' }] });
    expect(held.changes.find((c) => c.explicit)?.old?.id).to.equal('b');
  });

  it('does not count invisible format characters (zero-width space, direction marks, soft hyphen) as a change', () => {
    const revised = texts.map((t, k) => (k === 1 ? `\u200b${t.slice(0, 5)}\u2060${t.slice(5, 9)}\u00ad${t.slice(9)}\u200e` : t));
    const result = compareClauses(articles(texts), articles(revised));
    expect(result.summary.modified).to.equal(0);
    expect(result.summary.unchanged).to.equal(texts.length);
  });

  it('attaches the notes naming the old or the new clause, in data order, once each', () => {
    const revised = [...texts];
    revised[4] = '本方案自印发之日起施行，由厅办公室负责解释。';
    const notes = [
      { newId: '第2条', text: '新增说明' },
      { oldId: '第2条', text: '旧条款说明' },
      { oldId: '第2条', newId: '第2条', text: '两边都指向' },
      { oldId: '第5条', text: '删除理由' },
      { newId: '第5条', text: '新条款理由' },
      { oldId: '第99条', text: '不存在' },
    ];
    const result = compareClauses(articles(texts), articles(revised), { notes });
    expect(result.changes[1].notes).to.deep.equal(['新增说明', '旧条款说明', '两边都指向']);
    expect(result.changes.find((c) => c.kind === 'deleted')!.notes).to.deep.equal(['删除理由']);
    expect(result.changes.find((c) => c.kind === 'added')!.notes).to.deep.equal(['新条款理由']);
    expect(result.changes.flatMap((c) => c.notes)).to.not.include('不存在');
  });

  it('recovers a random edit script applied to a random clause list (property)', () => {
    type Op = { op: 'insert' | 'delete' | 'modify' | 'move' | 'move-edit' | 'replace'; at: number; to: number };
    const script = fc.array(fc.record({ op: fc.constantFrom('insert', 'delete', 'modify', 'move', 'move-edit', 'replace'), at: fc.nat(), to: fc.nat() }) as fc.Arbitrary<Op>, {
      maxLength: 14,
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer(), script, (size, seed, ops) => {
        const r = random(seed);
        const profiles: Float64Array[] = [];
        const originals = distinctTexts(r, size, profiles);
        const items = originals.map((text, origin) => ({ text, origin }));
        for (const { op, at, to } of ops) {
          const p = items.length ? at % items.length : 0;
          if (op === 'insert' || !items.length) items.splice(at % (items.length + 1), 0, { text: distinctTexts(r, 1, profiles)[0], origin: -1 });
          else if (op === 'delete') items.splice(p, 1);
          else if (op === 'modify') items[p].text = slightly(r, items[p].text);
          else if (op === 'replace') items[p] = { text: distinctTexts(r, 1, profiles)[0], origin: -1 };
          else {
            const [item] = items.splice(p, 1);
            if (op === 'move-edit') item.text = slightly(r, item.text);
            items.splice(to % (items.length + 1), 0, item);
          }
        }
        const result = compareClauses(articles(originals), articles(items.map((i) => i.text)));
        const byNew = new Map(result.changes.filter((c) => c.new && c.placement !== 'from').map((c) => [c.new!.index, c]));
        expect(byNew.size, 'one row per new clause').to.equal(items.length);
        items.forEach((item, j) => {
          const c = byNew.get(j)!;
          if (item.origin < 0) return expect(row(c), `new 第${j + 1}条 is added`).to.match(/^added/);
          expect(c.old?.index, `new 第${j + 1}条 paired with its original`).to.equal(item.origin);
          // same text: unchanged or an identical move; edited: modified, or moved with segments
          const edited = c.kind === 'modified' || (c.kind === 'moved' && c.segments !== undefined);
          expect(edited, `第${j + 1}条 shown as edited iff its text is`).to.equal(item.text !== originals[item.origin]);
        });
        const kept = new Set(items.map((i) => i.origin));
        for (const c of result.changes) if (c.old && !kept.has(c.old.index)) expect(row(c), 'a deleted or replaced clause is not paired').to.match(/^deleted/);
        // moves: as few as the edits allow (pairs minus the longest in-order run), and the rest in order
        const origins = items.map((i) => i.origin).filter((o) => o >= 0);
        expect(result.summary.moved, 'moves found').to.equal(origins.length - longestIncreasing(origins));
        const inOrder = result.changes.filter((c) => c.old && c.new && c.kind !== 'moved').map((c) => c.old!.index);
        expect(inOrder, 'unmoved pairs keep their order').to.deep.equal([...inOrder].sort((a, b) => a - b));
        const { added, deleted, modified, moved, unchanged } = result.summary;
        expect(added + modified + moved + unchanged).to.equal(items.length);
        expect(deleted + modified + moved + unchanged).to.equal(originals.length);
      }),
      { numRuns: 300 },
    );
  });

  it('measures a 1,000-clause and a 5,000-clause comparison (logged, not asserted)', () => {
    const figures: string[] = [];
    for (const [size, edits] of [
      [1000, 60],
      [5000, 300],
    ]) {
      const { old, revised, origin } = revision(size, edits);
      const times: number[] = [];
      let result: Comparison | undefined;
      for (let k = 0; k < 7; k++) {
        const start = performance.now();
        result = compareClauses(old, revised);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const chars = old.reduce((sum, c) => sum + c.text.length, 0);
      // alignment accuracy: new clauses paired with their true origin (or added when new)
      const right = result!.changes.filter((c) => c.new && c.placement !== 'from' && (c.old?.index ?? -1) === origin[c.new.index]).length;
      figures.push(`${size} clauses (${chars} chars): median ${times[3].toFixed(1)} ms, accuracy ${right}/${revised.length} ${JSON.stringify(result!.summary)}`);
      expect(result!.summary.unchanged).to.be.greaterThan(size * 0.8);
    }
    console.log(`[compareClauses] ${figures.join('; ')}`);
  });

  it('measures the worst cases: repeats, every clause edited, unrelated texts, a huge clause, unnumbered text (logged, not asserted)', () => {
    const r = random(8);
    const time = (f: () => unknown) => {
      const start = performance.now();
      f();
      return performance.now() - start;
    };
    const edit = (text: string) => {
      const k = Math.floor(r() * (text.length - 2));
      return text.slice(0, k) + '修改' + text.slice(k + 2);
    };
    const figures: Record<string, string> = {};
    for (const repeated of ['删除。', '（略）']) {
      const old = articles(Array(500).fill(repeated));
      const revised = articles([...Array(250).fill(repeated), '新增一项工作要求，由办公室负责。', ...Array(249).fill(repeated)]);
      figures[`500×${repeated}`] = time(() => compareClauses(old, revised)).toFixed(1);
    }
    for (const size of [1000, 5000]) {
      const texts = Array.from({ length: size }, () => clauseText(r, 150));
      figures[`${size} all edited`] = time(() => compareClauses(articles(texts), articles(texts.map(edit)))).toFixed(1);
      const other = Array.from({ length: size }, () => clauseText(r, 150));
      figures[`${size} unrelated`] = time(() => compareClauses(articles(texts), articles(other))).toFixed(1);
      const paragraphs = texts.join('\n');
      const revisedParagraphs = texts.map((t, k) => (k % 7 ? t : edit(t))).join('\n');
      figures[`${size} paragraphs split+align`] = time(() => compareClauses(splitClauses(paragraphs), splitClauses(revisedParagraphs))).toFixed(1);
    }
    let huge = '';
    while (huge.length < 100000) huge += pick(r, SENTENCES);
    const hugeEdited = [...Array(20)].reduce<string>((t) => edit(t), huge);
    figures['100k-char clause, 20 edits'] = time(() => compareClauses(articles([huge]), articles([hugeEdited]))).toFixed(1);
    const line = huge.replace(/[，。、；：,;:“”（）()]/g, '');
    const lineEdited = [...Array(20)].reduce<string>((t) => edit(t), line);
    figures['100k chars, no punctuation, 20 edits'] = time(() => diffText(line, lineEdited)).toFixed(1);
    console.log(`[compareClauses worst cases, ms] ${JSON.stringify(figures)}`);
  });
});

function longestIncreasing(values: number[]): number {
  const tails: number[] = [];
  for (const v of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}

/** A generated policy of `size` ~150-character clauses and a revision with `edits` random edits of every kind; `origin`: each new clause's old index (-1: new text). */
function revision(size: number, edits: number): { old: Clause[]; revised: Clause[]; origin: number[] } {
  const r = random(size);
  const texts = Array.from({ length: size }, () => clauseText(r, 150));
  const items = texts.map((text, origin) => ({ text, origin }));
  for (let e = 0; e < edits; e++) {
    const p = Math.floor(r() * items.length);
    const kind = e % 6;
    if (kind === 0) items.splice(p, 0, { text: clauseText(r, 150), origin: -1 });
    else if (kind === 1) items.splice(p, 1);
    else if (kind === 2) items[p].text = slightly(r, items[p].text);
    else if (kind === 3 || kind === 4) {
      const [moved] = items.splice(p, 1);
      if (kind === 4) moved.text = slightly(r, moved.text);
      items.splice(Math.floor(r() * items.length), 0, moved);
    } else items[p] = { text: clauseText(r, 150), origin: -1 };
  }
  return { old: articles(texts), revised: articles(items.map((i) => i.text)), origin: items.map((i) => i.origin) };
}
