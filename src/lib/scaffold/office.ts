import { todo, todoText } from './placeholders.ts';
import { entry, flowMap, type Item } from './yaml-text.ts';

/** What `npm run new -- office` may be told on the command line; the rest is left to fill in. */
export interface OfficeFields {
  name?: string;
  shortName?: string;
  parent?: string;
  level?: string;
  seat?: string;
}

export const LEVELS = ['省级', '市级'];

/** office.yaml with every field of the schema present: given values, placeholders for the rest. */
export function officeYaml(f: OfficeFields): string {
  const given = (value: string | undefined, hint: string): Item => value ?? todoText(hint);
  return [
    '# 机构信息：由 npm run new 生成。凡写着“待填”的地方都按原文照录后删去占位；',
    '# 数字写数字（如 19），文字占位 { 待填: 说明 } 整个换成原文文字。每处占位都会让 npm run check 报错。',
    entry('name', given(f.name, '机构全称，照录原文（如 湖南省怀化市人民政府驻北京联络处）')),
    entry(
      'shortName',
      given(f.shortName, '站内简称：设立政府加驻地，全站不重名（如 怀化市驻北京联络处、湛江市驻广州办）'),
    ),
    entry('parent', given(f.parent, '设立本机构的人民政府（如 湖南省怀化市人民政府）')),
    entry('level', f.level ?? todo, '省级 或 市级'),
    entry('seat', given(f.seat, '驻地城市（如 北京）')),
    'functions: # 职能，照录原文，每项一条',
    `  ${entry('source', todoText('出处（如 2023年度部门决算 第一部分 一、部门职责）'))}`,
    '  items:',
    `    - ${todoText('第一项职能，照录原文；每项一条')}`,
    'units: # 内设机构，照录原文名称；原文未列出时删去 units',
    `  ${entry('source', todoText('出处（如 2023年度部门决算 第一部分 二、机构设置及决算单位构成）'))}`,
    '  items:',
    `    - ${todoText('内设机构名称；每个一条')}`,
    'staffing: # 人员编制，按年度；原文未公布时删去 staffing',
    `  - ${entry('year', todo, '四位年份')}`,
    `    ${entry('source', todoText('出处（如 2023年度整体支出绩效自评报告 一、部门概况）'))}`,
    `    ${entry('authorized', todo, '编制数；原文未公布写 ~')}`,
    `    ${entry('actual', todo, '实际在职人数；原文未公布写 ~')}`,
    '    details: # 其他人数，照原文的说法；没有时删去 details',
    `      - ${flowMap({ label: todoText('原文的说法（如 劳务派遣人员）'), count: todo })}`,
    '',
  ].join('\n');
}
