import type { InterpretationDocument } from '../schema/types.generated.js';
import shandongInterpretation from '../../demo/data/interpretation-000-shandong-commerce-2019.json' with { type: 'json' };
import { samples } from './samples.js';

/** Seed 000's interpretation as the demo shows it (many glossary terms in the text), a fresh copy. */
export const seedInterpretation = (): InterpretationDocument => structuredClone(shandongInterpretation) as unknown as InterpretationDocument;

/** A complete interpretation (every section), small enough to read in a test. */
export function fullInterpretation(changes: Partial<InterpretationDocument> = {}): InterpretationDocument {
  return {
    type: 'interpretation',
    schemaVersion: 1,
    title: '《省商务厅2019年政务公开工作实施方案》政策解读',
    policy: structuredClone(samples.shandong),
    interpreter: { name: '山东省商务厅办公室' },
    firstInterpreter: { name: '张某某', post: '厅办公室主任' },
    publishDate: '2019-08-01',
    form: 'graphic',
    background: [{ type: 'paragraph', text: '为贯彻落实《2019年山东省政务公开要点》，扎实推动政务公开工作。' }],
    objectives: [{ type: 'list', ordered: true, items: ['深化重点领域信息公开', '强化解读回应'] }],
    mainContent: [
      { type: 'heading', text: '强化政策解读' },
      { type: 'paragraph', text: '按照“谁起草、谁解读”的原则做好政策解读，主要负责同志履行第一解读人职责。' },
    ],
    scope: [{ type: 'paragraph', text: '厅机关各处室，信息中心、投资促进中心。' }],
    standards: [{ type: 'table', caption: '时限要求', head: ['事项', '时限'], rows: [['解读材料发布', '文件公布后3个工作日内']] }],
    notes: [{ type: 'note', title: '注意', text: '解读材料与政策文件同步组织、同步审签、同步部署。' }],
    glossary: [
      { term: '第一解读人', definition: '在重要政策出台时带头解读政策的主要负责同志。', source: '省商务厅2019年政务公开工作实施方案' },
      { term: '政策解读', definition: '对政策的背景依据、目标任务、主要内容等作出说明。' },
    ],
    changes: {
      items: [
        { subject: '解读时限', before: '未明确解读发布时限', after: '文件公布后3个工作日内发布解读', note: '与政策文件相互链接' },
        { subject: '第一解读人', after: '每年解读重要政策措施不少于2次' },
      ],
      comparisonUrl: '/compare/2019.html',
    },
    benefits: [{ type: 'paragraph', text: '群众和企业第一时间看懂政策。' }],
    faq: [
      { question: '解读材料什么时候发布？', answer: '主办处室应将相关解读材料于文件公布后3个工作日内在网站政策解读专栏发布。' },
      { question: '谁来做政策解读？', answer: '按照“谁起草、谁解读”的原则，由起草处室负责。\n主要负责同志履行第一解读人职责。' },
      { question: '一图读懂在哪里看？', answer: '在厅门户网站“政策解读”栏目。' },
    ],
    related: [structuredClone(samples.jinan), { url: '/zc/2020-yaodian.html', title: '2020年政务公开工作要点' }],
    media: {
      infographicUrl: '/tj/2019-fangan.html',
      infographicTitle: '【一图读懂】解读《省商务厅2019年政务公开实施方案》',
      video: { url: '/sp/2019.mp4', title: '三分钟看懂方案', captionsUrl: '/sp/2019.vtt', duration: 185 },
    },
    ...changes,
  };
}
