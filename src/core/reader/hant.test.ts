import { expect } from '@open-wc/testing';
import { toTraditional } from './hant.js';

/** Expected forms: OpenCC 'cn' → 'tw' with its full phrase table (the oracle, run once when this list was written), 布 per MOE. */
const WORDS =
  '头发:頭髮 理发:理髮 发布:發布 发展:發展 发表:發表 干部:幹部 干燥:乾燥 干净:乾淨 若干:若干 联系:聯繫 关系:關係 系统:系統 台湾:臺灣 台风:颱風 平台:平臺 后来:後來 皇后:皇后 以后:以後 面粉:麵粉 方面:方面 复制:複製 复杂:複雜 复议:複議 答复:答覆 恢复:恢復 范围:範圍 规范:規範 历史:歷史 日历:日曆 制度:制度 制造:製造 准备:準備 标准:標準 批准:批准 只有:只有 一只:一隻 获得:獲得 收获:收穫 征求意见:徵求意見 特征:特徵 余额:餘額 其余:其餘 钟表:鐘錶 钟情:鍾情 汇报:彙報 汇总:彙總 外汇:外匯 于是:於是 关于:關於 云南:雲南 斗争:鬥爭 奋斗:奮鬥 山谷:山谷 谷物:穀物 采取:採取 冲突:衝突 放松:放鬆 一周:一週 周围:周圍 手表:手錶 表格:表格 几乎:幾乎 茶几:茶几 试卷:試卷 蒙古:蒙古 开辟:開闢 千万:千萬 歌曲:歌曲 宿舍:宿舍 技术:技術 纤维:纖維 方向:方向 叶子:葉子 防御:防禦 愿意:願意 折扣:折扣 症状:症狀 一致:一致 建筑:建築 注册:註冊 注意:注意 合并:合併 委托:委託 必须:必須 胡须:鬍鬚 借鉴:借鑑 尽管:儘管 提升:提升 公里:公里 里面:裡面 烟草:菸草 旅游:旅遊 占用:佔用 克服:克服 赞成:贊成 公布:公布 宣布:宣布 分布:分布';

describe('toTraditional (简→繁)', () => {
  it('gets the one-to-many characters right in the 政务 words', () => {
    const wrong = WORDS.split(' ')
      .map((pair) => pair.split(':'))
      .filter(([simplified, traditional]) => toTraditional(simplified) !== traditional)
      .map(([s, t]) => `${s}→${toTraditional(s)} (want ${t})`);
    expect(wrong).to.deep.equal([]);
    expect(WORDS.split(' ').length).to.be.greaterThan(90);
  });

  it('converts sentences by phrase, not only words alone', () => {
    expect(toTraditional('市政府办公厅关于印发头发护理行业规范的通知')).to.equal('市政府辦公廳關於印發頭髮護理行業規範的通知');
    expect(toTraditional('请于2021年3月1日前联系各区干部')).to.equal('請於2021年3月1日前聯繫各區幹部');
    // 当当 (噹噹) must not catch 应当|当场
    expect(toTraditional('应当当场出具行政处罚决定书')).to.equal('應當當場出具行政處罰決定書');
    expect(toTraditional('天气干燥，请注意防火；干部要带头')).to.equal('天氣乾燥，請注意防火；幹部要帶頭');
  });

  it('keeps the length, so offsets stay valid', () => {
    const text = '关于进一步规范行政裁量权基准制定和管理工作的意见（国办发〔2022〕27号）\n一、总体要求';
    expect(toTraditional(text).length).to.equal(text.length);
    expect(toTraditional(text).indexOf('總體要求')).to.equal(text.indexOf('总体要求'));
  });

  it('leaves everything that is not simplified Han alone', () => {
    const text = 'ABC abc 123，。！？《》〔〕 ①② 😀 https://www.gov.cn/ 繁體字 日本語のかな';
    expect(toTraditional(text)).to.equal(text);
    expect(toTraditional('')).to.equal('');
  });
});
