import type { Root } from 'mdast';
import { blocksOf, type Block, type Place } from './text.ts';
import {
  CHANGE_RE,
  FILLER_RE,
  FISCAL_LABELS,
  HEDGE_RE,
  LABEL_QUALIFIERS,
  LABEL_RE,
  OTHER_OFFICE_RE,
  namesBoth,
  qualifierIn,
  subjectOf,
  WITHIN_BUDGET_RE,
  type Qualifier,
} from './vocabulary.ts';

/**
 * What a narrative states, number by number: each amount or percentage with the subject and
 * figure it states (when the sentence says so unambiguously), or with null when it does not. The
 * rules compare only what is bound; everything else counts as unverified.
 */

type Role = 'level' | 'change' | 'share' | 'completion' | 'changeRate' | 'other';

export interface Statement {
  /** Ordinal in the narrative. */
  index: number;
  /** The number as printed ("295.12", "0", "99.98"). */
  value: string;
  unit: '万元' | '元' | '%';
  place: Place;
  /** Block (paragraph) and sentence ordinals. */
  block: number;
  sentence: number;
  /** The .md line of its block: the paragraph a note links to. */
  blockLine: number;
  /** The quantity it states, or null when the sentence does not say which. */
  subject: string | null;
  /** The 项 of a per-项 heading ("政府办公厅（室）及相关机构事务/参事事务"), when that is the subject. */
  item?: { kind: string; name: string };
  qualifier: Qualifier | null;
  year: 'current' | 'previous' | 'other';
  scope: 'fiscal' | 'all';
  role: Role;
  /** Nothing but 为/是/实际支出… stands between it and the amount before it: it states the same item. */
  continues?: boolean;
  /** Said as approximate, as a bound, as a negation or of another office: never compared. */
  hedged: boolean;
  /** For a share: the subject named as its base (占基本支出的 …), if named. */
  base?: string | null;
  /** For a change: increase or decrease, and whether it is against last year (比上年 …). */
  direction?: 1 | -1;
  yearOnYear?: boolean;
  /** The index of the total this amount is a part of (其中 …), and that total's subject. */
  partOf?: number;
  within?: string;
  /** The sentence as printed, for messages. */
  text: string;
}

const NUMBER_RE = /(?<![\d.])(\d+(?:\.\d+)?)(万元|元|%|％)/g;
const SENTENCE_RE = /[^。；;！？!?]+[。；;！？!?]?/g;
const YEAR_RE = /(\d{4})年/g;
const PARENS_RE = /（[^（）]*）|\([^()]*\)/g;
const RANGE_BEFORE = /[-－~～至到]$/;
const RANGE_AFTER = /^[-－~～至到]\d/;
/** Labels of the whole budget: of spending unless the sentence speaks of income. */
const BUDGET_TOTAL_LABELS = new Set(['年初预算批复数合计', '年初预算数', '全年预算数']);
/** Which funds: a word that may stand between a label and its amount. */
const FUNDS_RE = /一般公共预算|财政拨款|财政/g;
const YEAR_ON_YEAR_RE = /上年|去年|同比|相比|比/;
/** 上年结转 is money carried into this year, not last year's figure. */
const NOT_LAST_YEAR_RE = /上年结转|上年结余/g;
const COORDINATION_RE = /^[、与和及]$/;
const LIST_SEPARATOR_RE = /^[、，,和及与]$/;
/** Words that refer back to the topic or to last year: they name no other quantity. */
const TOPIC_WORDS_RE = /上年|去年|相比|与|比|同期/g;
const CHANGE_WORDS_RE = new RegExp(CHANGE_RE.source, 'g');
const SHARE_RE = /占(.*?)的?$/;
const COMPLETION_RE = /(完成(?:年初|全年)?预算的?|(?:预算)?(?:完成|执行)率(?:为)?)$/;
const CHANGE_RATE_RE = /(增长|下降|减少|降低|增加|上升)(?:了)?$/;
const DECREASE_RE = /减少|下降|降低|节约|节余|少支|扣减|减支/;

interface LabelHit {
  label: string;
  at: number;
  end: number;
}

/** 项 named by a per-项 heading: "一般公共服务支出（类）对外联络事务（款）行政运行（项）". */
function itemOf(heading: string): { kind: string; name: string } | undefined {
  const m = /（类）(.+?)（款）(.+?)（项）/.exec(heading);
  return m ? { kind: m[1], name: m[2] } : undefined;
}

/** The paren depth at each character; amounts in parentheses belong to the amount before them. */
function depths(text: string): number[] {
  let d = 0;
  return [...text].map((c) => {
    const at = d;
    if (c === '（' || c === '(') d++;
    if (c === '）' || c === ')') d = Math.max(0, d - 1);
    return at;
  });
}

interface Context {
  year: number;
  subject: string | null;
  item?: { kind: string; name: string };
  qualifier: Qualifier | null;
}

/** Subject, qualifier and 项 the headings above a block give it. */
function headingContext(block: Block, year: number): Context {
  let subject: string | null = null;
  let qualifier: Qualifier | null = null;
  let item: Context['item'];
  for (const h of block.headings) {
    const label = [...h.matchAll(LABEL_RE)].at(0)?.[0];
    item = itemOf(h) ?? item;
    if (label) subject = subjectOf(label);
    qualifier = qualifierIn(h.replace(PARENS_RE, '')) ?? qualifier;
  }
  return { year, subject: item ? null : subject, item, qualifier };
}

/** A sentence that says spending stayed within budget. */
export interface Claim {
  sentence: number;
  block: number;
  blockLine: number;
  place: Place;
  text: string;
}

export interface Statements {
  statements: Statement[];
  claims: Claim[];
}

export function statementsOf(narrative: Root, year: number): Statements {
  const out: Statement[] = [];
  const claims: Claim[] = [];
  let sentenceNo = 0;
  blocksOf(narrative).forEach((block, blockNo) => {
    if (block.isHeading) return;
    const ctx = headingContext(block, year);
    const fiscalHeading = block.headings.some((h) => /财政拨款/.test(h));
    const depth = depths(block.text);
    // The paragraph's topic: the last subject and qualifier stated.
    let topic: { subject: string | null; item?: Context['item'] } = { subject: ctx.subject, item: ctx.item };
    let topicQualifier = ctx.qualifier;
    const yearNamed = block.text.includes(`${year}年`);
    for (const m of block.text.matchAll(SENTENCE_RE)) {
      const sentence = m[0];
      const offset = m.index!;
      const sentenceNumber = sentenceNo++;
      for (const c of sentence.matchAll(WITHIN_BUDGET_RE))
        claims.push({
          sentence: sentenceNumber,
          block: blockNo,
          blockLine: block.line,
          place: block.places[offset + c.index!],
          text: sentence,
        });
      const labels: LabelHit[] = [...sentence.matchAll(LABEL_RE)].map((l) => ({
        label: l[0],
        at: l.index!,
        end: l.index! + l[0].length,
      }));
      let leadStart = 0;
      let previous: Statement | null = null;
      /** 其中 …: the total the following amounts at a paren depth are parts of. */
      const totals = new Map<number, Statement>();
      let list: { labels: LabelHit[]; members: Statement[] } | null = null;
      for (const n of sentence.matchAll(NUMBER_RE)) {
        const at = n.index!;
        const end = at + n[0].length;
        const rawLead = sentence.slice(leadStart, at);
        const leadAt = leadStart;
        const lead = rawLead.replace(PARENS_RE, '');
        leadStart = end;
        const before = sentence.slice(0, at);
        const stated = [...before.matchAll(YEAR_RE)].map((y) => Number(y[1])).at(-1);
        const unit = (n[2] === '％' ? '%' : n[2]) as Statement['unit'];
        const base: Statement = {
          index: out.length,
          value: n[1],
          unit,
          place: block.places[offset + at],
          block: blockNo,
          sentence: sentenceNumber,
          blockLine: block.line,
          subject: null,
          qualifier: null,
          year:
            stated === undefined || stated === year ? 'current' : stated === year - 1 ? 'previous' : 'other',
          scope: fiscalHeading || /财政拨款|一般公共预算/.test(before) ? 'fiscal' : 'all',
          role: 'other',
          hedged:
            HEDGE_RE.test(lead) ||
            RANGE_BEFORE.test(before) ||
            RANGE_AFTER.test(sentence.slice(end)) ||
            [...before.matchAll(OTHER_OFFICE_RE)].some((o) => !/[我本]/.test(before[o.index! - 1] ?? '')),
          text: sentence,
        };
        if (unit === '%') {
          out.push(percentStatement(base, lead, previous, labels, leadAt, at));
          continue;
        }
        const inLead = labels.filter((l) => l.at >= leadAt && l.end <= at);
        const s: Statement = { ...base, role: CHANGE_RE.test(lead) ? 'change' : 'level' };
        if (s.role === 'change') {
          s.direction = DECREASE_RE.test(lead) ? -1 : 1;
          s.yearOnYear = YEAR_ON_YEAR_RE.test(before.replace(NOT_LAST_YEAR_RE, ''));
        }
        let label: LabelHit | null | undefined;
        if (/分别/.test(lead)) {
          list = { labels: inLead.filter((l) => l.at < leadAt + rawLead.indexOf('分别')), members: [s] };
          label = null;
        } else if (list && LIST_SEPARATOR_RE.test(lead)) {
          list.members.push(s);
          label = null;
        } else {
          if (list) bindList(list);
          list = null;
          label = headLabel(inLead, sentence, at);
          // "基本支出上年结转153.98万元" states another quantity of 基本支出: what stands between a
          // label and its amount may only be other labels, qualifiers and the like.
          const between = label
            ? sentence
                .slice(label.end, at)
                .replace(PARENS_RE, '')
                .replace(LABEL_RE, '')
                .replace(FUNDS_RE, '')
                .replace(YEAR_RE, '')
                .replace(CHANGE_WORDS_RE, '')
            : '';
          if (!FILLER_RE.test(between)) label = null;
        }
        // "收入预算，年初预算数225.18万元" is the income budget, not the spending one.
        const incomeBudget = !!label && BUDGET_TOTAL_LABELS.has(label.label) && /收入/.test(before);
        if (label && !incomeBudget) {
          s.subject = subjectOf(label.label);
          if (FISCAL_LABELS.has(label.label)) s.scope = 'fiscal';
        } else if (
          label === undefined &&
          FILLER_RE.test(lead.replace(YEAR_RE, '').replace(TOPIC_WORDS_RE, '').replace(CHANGE_WORDS_RE, ''))
        ) {
          // Nothing but 为/是/预算/决算… between the topic and the amount: the topic's figure. A change
          // is the topic's only when it is against last year (追加、调整 change the budget instead).
          if (s.role === 'level' || s.yearOnYear) {
            s.continues = previous !== null;
            s.subject = previous ? previous.subject : topic.subject;
            s.item = previous ? previous.item : topic.item;
          }
        }
        s.qualifier =
          qualifierIn(lead) ||
          (label && LABEL_QUALIFIERS[label.label]) ||
          (/持平/.test(lead) ? 'actual' : null) ||
          (previous?.role === 'level' ? previous.qualifier : null) ||
          (s.subject === topic.subject && s.item === topic.item ? topicQualifier : null) ||
          ctx.qualifier ||
          // A spending figure of the year the paragraph names, with no word of budget: the actual.
          (yearNamed ? 'actual' : null);
        if (s.year === 'previous') s.qualifier = 'previous';
        // "预算决算金额均为0万元" states both; anything else naming both states neither.
        if (namesBoth(lead) && /均为/.test(lead)) s.qualifier = 'actual';
        else if (namesBoth(lead)) s.subject = null;
        if (s.year === 'other') s.subject = null;
        if (!s.subject) s.item = s.year === 'other' || namesBoth(lead) ? undefined : s.item;
        const d = depth[offset + at];
        const opensParen = depth[offset + leadAt] < d && /^[（(]/.test(rawLead);
        if (previous?.role === 'level' && s.role === 'level' && (/其中/.test(rawLead) || opensParen))
          totals.set(d, previous);
        const total = totals.get(d);
        if (total && s.role === 'level') {
          s.partOf = total.index;
          s.within = total.item?.name ?? total.subject ?? '?';
        }
        out.push(s);
        // A part (其中 …) does not become the topic: the next sentence goes on about the whole.
        if (s.role === 'level' && (s.subject || s.item) && s.partOf === undefined) {
          topic = { subject: s.subject, item: s.item };
          topicQualifier = s.qualifier;
        }
        previous = s;
      }
      if (list) bindList(list);
    }
  });
  return { statements: out, claims };
}

/**
 * The label an amount states: the last label before it in its clause; labels that follow each
 * other without a separator are one noun ("“三公”经费财政拨款支出" is 三公经费), labels joined by
 * 、/与/和/及 are a list that only "分别为" can bind.
 */
function headLabel(inLead: LabelHit[], sentence: string, at: number): LabelHit | null | undefined {
  if (!inLead.length) return undefined;
  const clauseStart = Math.max(
    ...[...sentence.slice(0, at).matchAll(/[，,：:]/g)].map((x) => x.index! + 1),
    0,
  );
  const clause = inLead.filter((l) => l.at >= clauseStart);
  const pool = clause.length ? clause : inLead.slice(-1);
  for (let i = 1; i < pool.length; i++) {
    const between = sentence.slice(pool[i - 1].end, pool[i].at);
    if (COORDINATION_RE.test(between) || /^[、与和及]/.test(between)) return null;
  }
  // The amount must follow its label's clause: a label in an earlier clause is the topic only.
  return clause.length ? pool[0] : null;
}

/** "A、B分别为x、y": binds the amounts after 分别 to the labels before it, in order, when counts agree. */
function bindList(list: { labels: LabelHit[]; members: Statement[] }) {
  const bound = list.labels.length === list.members.length && list.labels.length > 1;
  list.members.forEach((s, i) => {
    s.subject = bound ? subjectOf(list.labels[i].label) : null;
    s.item = undefined;
    delete s.partOf;
  });
}

function percentStatement(
  s: Statement,
  lead: string,
  previous: Statement | null,
  labels: LabelHit[],
  leadAt: number,
  at: number,
): Statement {
  const bare = lead.replace(/^[，,\s]+/, '');
  if (previous && previous.unit !== '%' && bare.startsWith('占') && SHARE_RE.test(bare)) {
    const named = labels.filter((l) => l.at >= leadAt && l.end <= at).at(-1);
    return {
      ...s,
      role: 'share',
      subject: previous.subject,
      item: previous.item,
      base: named ? subjectOf(named.label) : null,
    };
  }
  if (COMPLETION_RE.test(bare.replace(/[，,]/g, '')) && previous && previous.unit !== '%')
    return { ...s, role: 'completion', subject: previous.subject, item: previous.item };
  if (CHANGE_RATE_RE.test(bare) && previous?.role === 'change')
    return {
      ...s,
      role: 'changeRate',
      subject: previous.subject,
      item: previous.item,
      direction: previous.direction,
    };
  return s;
}
