// Field labels of the directory kind (政府信息公开目录, see ./labels.ts), in the words of
// directory.schema.json's titles. A column's fields are named alike at every depth
// (`columns>…` at the top, `children>…` below); an entry's fields are the policy's, so
// only those whose bare key means something else here are qualified (`entries>url`).
import { msg } from '@lit/localize';
import { registerFieldLabels } from './labels.js';

registerFieldLabels(
  {
    '>title': () => msg('目录名称'),
    '>issuer': () => msg('公开主体'),
    remote: () => msg('检索服务地址'),
    columns: () => msg('栏目'),
    'columns>id': () => msg('栏目标识'),
    'columns>name': () => msg('栏目名称'),
    'columns>description': () => msg('栏目说明'),
    'columns>url': () => msg('栏目地址'),
    'columns>children': () => msg('子栏目'),
    'children>id': () => msg('栏目标识'),
    'children>name': () => msg('栏目名称'),
    'children>description': () => msg('栏目说明'),
    'children>url': () => msg('栏目地址'),
    'children>children': () => msg('子栏目'),
    entries: () => msg('目录项'),
    'entries>url': () => msg('原文链接'),
    'entries>columns': () => msg('所属栏目'),
  },
  'directory',
);
