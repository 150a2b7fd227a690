/**
 * Hostile content for tests/hostile-output.test.ts: one payload per field that reaches a page.
 * Every injected element carries class "pwn" and every script calls alert(), so a test can look
 * for either. `expect` says what must happen: 'refuse' (the check refuses it, with a message
 * matching `message`), 'pass' (it builds, and must be harmless), 'either' (the schema may refuse
 * it or let it through; whichever, it must not reach a reader as markup).
 */
export interface Payload {
  field: string;
  file: string;
  /** The text replaced (first occurrence); absent: `to` is appended to the Markdown file as a paragraph. */
  from?: string;
  to: string;
  expect: 'refuse' | 'pass' | 'either';
  message?: RegExp;
}

/** A word that finds the hostile narrative in the search index. */
export const MARKER = 'zxqhostile';

const img = (n: number) => `<img class=pwn src=x onerror=alert(${n})>`;
const svg = (n: number) => `<svg class=pwn onload=alert(${n})>`;
const script = (n: number) => `</script><script class=pwn>alert(${n})</script>`;

const OFFICE = 'content/zhanjiang-guangzhou/office.yaml';
const PERF = 'content/zhanjiang-guangzhou/2020/performance.yaml';
const PERF_MD = 'content/zhanjiang-guangzhou/2020/performance.md';
const FINAL = 'content/huaihua-beijing/2022/final-accounts.yaml';
const SHENZHEN = 'content/hunan-shenzhen/2022/performance.yaml';
// The narrative of a report whose YAML is left alone, so its refusals are always checked.
const REFUSED_MD = 'content/huaihua-beijing/2022/performance.md';

/** YAML fields: names, titles, labels, table lines, notes, glossary, acknowledgements. */
const fields: Omit<Payload, 'expect'>[] = [
  {
    field: 'office name',
    file: OFFICE,
    from: 'name: 湛江市人民政府驻广州办事处',
    to: `name: '湛江市人民政府驻广州办事处"'' onmouseover=alert(1) ${svg(1)}'`,
  },
  {
    field: 'office shortName (the 机构 search filter)',
    file: OFFICE,
    from: 'shortName: 湛江市驻广州办',
    to: `shortName: 湛江市驻广州办${img(2)}&lt;svg class=pwn onload=alert(22)&gt;`,
  },
  {
    field: 'office parent',
    file: OFFICE,
    from: 'parent: 湛江市人民政府',
    to: `parent: "湛江市人民政府'><b class=pwn>3</b>"`,
  },
  { field: 'office seat', file: OFFICE, from: 'seat: 广州', to: `seat: '广州</title>${script(4)}'` },
  { field: '职能 item', file: OFFICE, from: '[信访维稳, ', to: `["信访维稳</li>${img(5)}", ` },
  {
    field: '职能 source',
    file: OFFICE,
    from: 'source: 2020年度整体绩效自评报告 一、单位基本情况',
    to: `source: "2020年度整体绩效自评报告 一、单位基本情况${svg(6)}"`,
  },
  { field: 'staffing label', file: OFFICE, from: '{ label: 公务员,', to: `{ label: "公务员${img(7)}",` },
  {
    field: 'report title',
    file: PERF,
    from: 'title: 整体绩效自评报告',
    to: `title: 整体绩效自评报告${img(11)}`,
  },
  {
    field: 'date label',
    file: PERF,
    from: '{ label: 填报日期,',
    to: `{ label: "填报日期</dt>${script(12)}",`,
  },
  {
    field: 'source note',
    file: PERF,
    from: '  sha256: 7a8d820aa1e3f60951fe411ac5a836a17ff50af6c853e71159332e00d89de186',
    to: `  sha256: 7a8d820aa1e3f60951fe411ac5a836a17ff50af6c853e71159332e00d89de186\n  note: "来源${svg(13)}"`,
  },
  {
    field: 'table note',
    file: FINAL,
    from: '- 1.本表反映部门本年度的总收支和年末结转结余情况。',
    to: `- "1.本表反映部门本年度的总收支和年末结转结余情况。${img(21)}"`,
  },
  {
    field: 'table line name (公开02表)',
    file: FINAL,
    from: '[2010309, 参事事务,',
    to: `[2010309, "参事事务${svg(22)}",`,
  },
  {
    field: 'empty-table statement',
    file: FINAL,
    from: 'emptyStatement: 我单位没有使用国有资本经营预算安排的支出，故本表无数据。（当表格数据为空时，应有此说明）',
    to: `emptyStatement: "我单位没有使用国有资本经营预算安排的支出，故本表无数据。'><b class=pwn>23</b>"`,
  },
  { field: 'glossary term', file: FINAL, from: 'term: 结余分配,', to: `term: "结余分配${img(24)}",` },
  {
    field: 'glossary definition',
    file: FINAL,
    from: '指事业单位按规定从非财政补助结余中分配的事业基金和职工福利基金等。',
    to: `"指事业单位按规定从非财政补助结余中分配的事业基金和职工福利基金等。${script(25)}"`,
  },
  {
    field: 'acknowledgement reason',
    file: FINAL,
    from: 'reason: 原文如此：正文写“本年追加预算69.94元”，同文另处写“预算调整数为69.94万元”。',
    to: `reason: "原文如此：正文写“本年追加预算69.94元”，同文另处写“预算调整数为69.94万元”。${svg(26)}"`,
  },
  {
    field: 'base-data line name',
    file: SHENZHEN,
    from: '{ name: 2、出国经费,',
    to: `{ name: "2、出国经费${img(31)}",`,
  },
  {
    field: 'very long table line name (2,000 characters)',
    file: FINAL,
    from: '[2101101, 行政单位医疗,',
    to: `[2101101, 行政单位医疗${'M'.repeat(2000)},`,
  },
  {
    field: 'very long table-note word (2,000 characters)',
    file: FINAL,
    from: '- 本表反映部门本年度取得的各项收入情况。',
    to: `- 本表反映部门本年度取得的各项收入情况。${'N'.repeat(2000)}`,
  },
];

/** Narrative text that must build and print literally. */
const prose: Payload[] = [
  {
    field: 'colons in prose',
    file: PERF_MD,
    to: `联系方式:Email，比例为3:2，上午9:30开会，配比1:1，网址 https://example.com/a:b，${MARKER}。`,
    expect: 'pass',
  },
  {
    field: 'markup as narrative text',
    file: PERF_MD,
    to: `正文&lt;img class=pwn src=x onerror=alert(41)&gt;与 \\<svg class=pwn onload=alert(42)\\> 以及 "双引号" 'single' &amp;amp; ${MARKER}。`,
    expect: 'pass',
  },
  {
    field: 'markup in a heading',
    file: PERF_MD,
    to: `## 标题&lt;img class=pwn src=x onerror=alert(43)&gt; ${MARKER}`,
    expect: 'pass',
  },
  {
    field: 'allowed links',
    file: PERF_MD,
    to: '[外链](https://example.com/x?a=1&b=2) [邮件](mailto:office@example.com) [站内](/about/) [锚点](#main) [大写](HTTPS://example.com/) <https://example.com/auto>',
    expect: 'pass',
  },
  { field: 'very long word (200,000 characters)', file: PERF_MD, to: 'W'.repeat(200_000), expect: 'either' },
  { field: 'long word (1,000 characters)', file: PERF_MD, to: `长词${'L'.repeat(1000)}`, expect: 'either' },
];

const link = /链接地址/;
const image = /图片/;
const directive = /指令/;

/** Narrative markup the check must refuse, each with what its message says. */
const refused: Payload[] = [
  { field: 'depth-1 heading', to: '# 一级标题', message: /一级标题/ },
  { field: 'setext depth-1 heading', to: '一级标题\n===', message: /一级标题/ },
  { field: 'javascript: link', to: '[a](javascript:alert(51))', message: link },
  { field: 'mixed-case scheme', to: '[a](JaVaScRiPt:alert(52))', message: link },
  { field: 'hex entity in scheme', to: '[a](java&#x73;cript:alert(53))', message: link },
  { field: 'decimal entity in scheme', to: '[a](&#106;avascript:alert(54))', message: link },
  { field: 'tab entity inside scheme', to: '[a](java&Tab;script:alert(55))', message: link },
  { field: 'newline entity inside scheme', to: '[a](java&#x0A;script:alert(56))', message: link },
  { field: 'leading space and title', to: '[a](  javascript:alert(57) "t")', message: link },
  { field: '&colon; entity', to: '[a](javascript&colon;alert(58))', message: link },
  { field: 'percent-encoded scheme', to: '[a](%6Aavascript:alert(59))', message: link },
  { field: 'autolink', to: '<javascript:alert(60)>', message: link },
  { field: 'reference definition', to: '[坏引用]: javascript:alert(61)', message: link },
  {
    field: 'data: link',
    to: '[a](data:text/html;base64,PHNjcmlwdD5hbGVydCg2Mik8L3NjcmlwdD4=)',
    message: link,
  },
  { field: 'vbscript: link', to: '[a](vbscript:msgbox(63))', message: link },
  { field: 'file: link', to: '[a](file:///etc/passwd)', message: link },
  { field: 'remote image', to: '![远程](https://evil.example/x.png)', message: image },
  { field: 'protocol-relative image', to: '![协议相对](//evil.example/x.png)', message: image },
  { field: 'relative image', to: '![相对](x.png)', message: image },
  { field: 'unknown leaf directive', to: '::script', message: directive },
  { field: 'unknown container directive', to: ':::div\n内容\n:::', message: directive },
  { field: 'text directive with attributes', to: '文字:abc[标签]{onclick=alert(64)}', message: directive },
  { field: 'raw HTML', to: `<img src=x onerror=alert(65)>`, message: /HTML/ },
].map((p) => ({ ...p, file: REFUSED_MD, expect: 'refuse' as const }));

export const PAYLOADS: Payload[] = [
  ...fields.map((p) => ({ ...p, expect: 'either' as const })),
  ...prose,
  ...refused,
  // A use of the refused reference: it must not render as a link either.
  { field: 'reference use', file: REFUSED_MD, to: '[坏引用]', expect: 'either' },
];
