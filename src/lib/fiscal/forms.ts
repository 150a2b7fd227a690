/**
 * The official layouts of the nine 部门决算 tables (公开01表–公开09表): numbers, titles and the
 * amount columns in 栏次 order. Schemas use these to size rows; table models to print headers.
 */
interface Column {
  key: string;
  label: string;
  /** Header of a column group this column sits under (printed as a spanning header cell). */
  group?: string;
}

interface FinalAccountsForm {
  id: FinalAccountsTableId;
  number: string;
  title: string;
  columns: readonly Column[];
  /** Header of the code column in the coded tables (02, 03, 05, 07, 08). */
  codeLabel?: string;
}

export const FINAL_ACCOUNTS_TABLE_IDS = [
  't01',
  't02',
  't03',
  't04',
  't05',
  't06',
  't07',
  't08',
  't09',
] as const;
export type FinalAccountsTableId = (typeof FINAL_ACCOUNTS_TABLE_IDS)[number];

const amount = (key: string, label: string, group?: string): Column => ({ key, label, group });

export const FORMS: Record<FinalAccountsTableId, FinalAccountsForm> = {
  t01: { id: 't01', number: '公开01表', title: '收入支出决算总表', columns: [amount('amount', '决算数')] },
  t02: {
    id: 't02',
    codeLabel: '功能分类科目编码',
    number: '公开02表',
    title: '收入决算表',
    columns: [
      amount('total', '本年收入合计'),
      amount('fiscal', '财政拨款收入'),
      amount('superior', '上级补助收入'),
      amount('business', '事业收入'),
      amount('operating', '经营收入'),
      amount('affiliated', '附属单位上缴收入'),
      amount('other', '其他收入'),
    ],
  },
  t03: {
    id: 't03',
    codeLabel: '功能分类科目编码',
    number: '公开03表',
    title: '支出决算表',
    columns: [
      amount('total', '本年支出合计'),
      amount('basic', '基本支出'),
      amount('project', '项目支出'),
      amount('toSuperior', '上缴上级支出'),
      amount('operating', '经营支出'),
      amount('toAffiliated', '对附属单位补助支出'),
    ],
  },
  t04: {
    id: 't04',
    number: '公开04表',
    title: '财政拨款收入支出决算总表',
    columns: [
      amount('total', '合计'),
      amount('general', '一般公共预算财政拨款'),
      amount('fund', '政府性基金预算财政拨款'),
      amount('capital', '国有资本经营预算财政拨款'),
    ],
  },
  t05: {
    id: 't05',
    codeLabel: '功能分类科目编码',
    number: '公开05表',
    title: '一般公共预算财政拨款支出决算表',
    columns: [
      amount('subtotal', '小计', '本年支出'),
      amount('basic', '基本支出', '本年支出'),
      amount('project', '项目支出', '本年支出'),
    ],
  },
  t06: {
    id: 't06',
    number: '公开06表',
    title: '一般公共预算财政拨款基本支出决算明细表',
    columns: [amount('amount', '决算数')],
  },
  t07: {
    id: 't07',
    codeLabel: '科目代码',
    number: '公开07表',
    title: '政府性基金预算财政拨款收入支出决算表',
    columns: [
      amount('opening', '年初结转和结余'),
      amount('income', '本年收入'),
      amount('subtotal', '小计', '本年支出'),
      amount('basic', '基本支出', '本年支出'),
      amount('project', '项目支出', '本年支出'),
      amount('closing', '年末结转和结余'),
    ],
  },
  t08: {
    id: 't08',
    codeLabel: '科目代码',
    number: '公开08表',
    title: '国有资本经营预算财政拨款支出决算表',
    columns: [
      amount('total', '合计', '本年支出'),
      amount('basic', '基本支出', '本年支出'),
      amount('project', '项目支出', '本年支出'),
    ],
  },
  t09: {
    id: 't09',
    number: '公开09表',
    title: '财政拨款“三公”经费支出决算表',
    // Printed twice, under 预算数 (栏次 1–6) and 决算数 (栏次 7–12).
    columns: [
      amount('total', '合计'),
      amount('abroad', '因公出国（境）费'),
      amount('vehicles', '小计', '公务用车购置及运行维护费'),
      amount('vehiclePurchase', '公务用车购置费', '公务用车购置及运行维护费'),
      amount('vehicleOperation', '公务用车运行维护费', '公务用车购置及运行维护费'),
      amount('reception', '公务接待费'),
    ],
  },
};
