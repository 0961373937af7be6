// A small directory for the reference server's tests (node and the browser's remote-mode tests):
// deterministic, with every facet populated, two columns deep, and two bad entries the server must skip.
const ISSUERS = ['山东省商务厅', '济南市人民政府办公厅', '山东省财政厅'];
const TOPICS = ['商贸', '财政', '综合政务'];
const COLUMNS = ['gz', 'gfxwj', 'xzxk', 'czxx'];
const VALIDITY = ['effective', 'effective', 'effective', 'abolished', 'expired', 'amended'];
const WORDS = ['政务公开', '营商环境', '财政预算', '行政许可', '跨境电商', '标准化', '数字政府'];

/** `count` good entries (default 60) plus two bad ones at indexes 5 and 17. */
export function directoryFixture(count = 60) {
  const entries = [];
  for (let i = 0; i < count; i++) {
    const year = 2020 + (i % 5);
    const month = String((i % 12) + 1).padStart(2, '0');
    const word = WORDS[i % WORDS.length];
    const validity = VALIDITY[i % VALIDITY.length];
    entries.push({
      id: `e${i}`,
      title: `关于推进${word}工作的通知（第${i}号）`,
      indexNo: `11370000004224310W/${year}-${String(i).padStart(5, '0')}`,
      docNo: `鲁商字〔${year}〕${i}号`,
      issuer: { name: ISSUERS[i % ISSUERS.length] },
      category: { topic: TOPICS[i % TOPICS.length] },
      writtenDate: `${year}-${month}-01`,
      publishDate: `${year}-${month}-10`,
      ...(validity === 'abolished' || validity === 'expired' ? { abolishDate: `${year + 1}-01-01` } : {}),
      validity,
      disclosure: i % 7 === 0 ? 'on-request' : 'proactive',
      keywords: [word],
      summary: `本文件就${word}提出${i % 2 ? '具体措施' : '工作要求'}。`,
      url: `/zwgk/${i}.html`,
      columns: [COLUMNS[i % COLUMNS.length]],
    });
  }
  // Bad entries: the server skips them and answers from the rest.
  entries.splice(5, 0, { issuer: { name: '无名' }, publishDate: '2024-01-01', columns: ['gz'] });
  entries.splice(17, 0, { title: '危险链接', issuer: { name: 'x' }, publishDate: '2024-01-01', url: 'javascript:alert(1)', columns: ['gz'] });
  return { type: 'directory', schemaVersion: 1, title: '测试目录', entries };
}
