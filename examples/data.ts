// The documents both example apps show (in a real app they come from the CMS's API). Typed with the
// package's own document types, so a field the schema does not know is a compile error in the app.
import type { DirectoryDocument, PolicyDocument } from 'zhengwu-elements';

export const policies: PolicyDocument[] = [
  {
    type: 'policy',
    schemaVersion: 1,
    title: '关于印发《2020年济南市市场监督管理局政务公开工作要点》的通知',
    indexNo: '11370100MB28696235/2020-00757',
    issuer: { name: '济南市市场监督管理局' },
    writtenDate: '2020-09-16',
    publishDate: '2020-09-16',
    validity: 'effective',
    summary: '拓展重点领域信息公开广度和深度，聚焦优化营商环境和疫情防控加强信息公开，提升政府网站无障碍和适老化水平。',
  },
  {
    type: 'policy',
    schemaVersion: 1,
    title: '山西省工业和信息化厅2021年政务公开工作要点',
    issuer: { name: '山西省工业和信息化厅' },
    writtenDate: '2021-06-23',
    publishDate: '2021-06-23',
    validity: 'effective',
    keyPoints: ['加强政策解读，做到政策文件与解读材料同步组织、同步审签、同步部署。', '做好政府信息公开年度报告编制发布工作。'],
  },
];

export const directory: DirectoryDocument = {
  type: 'directory',
  schemaVersion: 1,
  title: '政府信息公开目录（示例）',
  entries: [
    {
      title: '省商务厅2019年政务公开工作实施方案',
      issuer: { name: '山东省商务厅' },
      publishDate: '2019-07-30',
      validity: 'effective',
      columns: ['gkzd'],
    },
    {
      title: '关于印发《2020年济南市市场监督管理局政务公开工作要点》的通知',
      issuer: { name: '济南市市场监督管理局' },
      publishDate: '2020-09-16',
      validity: 'effective',
      columns: ['gkzd'],
    },
    {
      title: '济南市电动自行车管理办法',
      docNo: '济南市人民政府令第268号',
      issuer: { name: '济南市人民政府' },
      publishDate: '2018-04-02',
      validity: 'effective',
      columns: ['gz'],
    },
    {
      title: '山东省商务厅关于做好2019年度外商投资信息报告工作的通知',
      docNo: '鲁商字〔2019〕12号',
      issuer: { name: '山东省商务厅' },
      publishDate: '2019-03-12',
      validity: 'expired',
      columns: ['gfxwj'],
    },
  ],
};
