// Field labels of the comparison kind (新旧政策对比, see ./labels.ts), in the words of
// comparison.schema.json's titles. Keys are qualified by the fields above them
// (`versions>label`, `clauses>text`) wherever a bare key would rename another
// kind's field (`label` is 说明 in an infographic, `text` is 文字 in a 正文 block).
import { msg } from '@lit/localize';
import { registerFieldLabels } from './labels.js';

registerFieldLabels(
  {
    '>description': () => msg('修订说明'),
    versions: () => msg('版本'),
    'versions>id': () => msg('版本标识'),
    'versions>label': () => msg('版本名称'),
    'versions>title': () => msg('文件标题'),
    'versions>docNo': () => msg('发文字号'),
    'versions>date': () => msg('日期'),
    'versions>url': () => msg('原文链接'),
    'versions>text': () => msg('原文'),
    'versions>clauses': () => msg('条款'),
    'versions>clauses>id': () => msg('条款标识'),
    'versions>clauses>number': () => msg('条款编号'),
    'versions>clauses>heading': () => msg('条款标题'),
    'versions>clauses>text': () => msg('条款内容'),
    pairs: () => msg('人工对齐'),
    'pairs>old': () => msg('旧条款'),
    'pairs>new': () => msg('新条款'),
    'pairs>old>version': () => msg('版本标识'),
    'pairs>new>version': () => msg('版本标识'),
    'pairs>old>clause': () => msg('条款标识'),
    'pairs>new>clause': () => msg('条款标识'),
    // `notes` are 修改说明 here, 注意事项 (a 正文 block list) in an interpretation: hence labels of this kind only
    notes: () => msg('修改说明'),
    'notes>version': () => msg('版本标识'),
    'notes>clause': () => msg('条款标识'),
    'notes>text': () => msg('说明'),
  },
  'comparison',
);
