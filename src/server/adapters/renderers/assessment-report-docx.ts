// The 述职 report as a Word document, built from plain data (every label already in words) so it renders on the
// pool's worker thread: activities by month, villages, items, outcomes, proposals, reception days, score lines.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

type Cell = string | number;

/** What the report prints; each list is a table's rows in order (an empty list prints （无）). */
export interface MemberReportData {
  year: number;
  member: { name: string; code: string; sectorName: string; groupName: string };
  schemeName: string;
  fullMarks: number;
  total: number;
  months: Cell[][];
  villages: Cell[][];
  items: Cell[][];
  outcomes: Cell[][];
  proposals: Cell[][];
  receptions: Cell[][];
  lines: Cell[][];
}

const FONT = 'FangSong';
const p = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
  new Paragraph({ children: [new TextRun({ text, font: FONT, size: opts.size ?? 28, bold: opts.bold })] });
const h = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    children: [new TextRun({ text, font: 'SimHei', size: 30, bold: true })],
  });
const table = (head: string[], rows: Cell[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [head, ...rows].map(
      (cells, i) =>
        new TableRow({
          children: cells.map((c) => new TableCell({ children: [p(String(c), { bold: i === 0, size: 22 })] })),
        }),
    ),
  });
const tableOrNone = (head: string[], rows: Cell[][]) => (rows.length ? table(head, rows) : p('（无）'));

/** Builds the .docx bytes. */
export async function renderMemberReportDocx(d: MemberReportData): Promise<Buffer> {
  const m = d.member;
  const doc = new Document({
    creator: '界联',
    title: `${m.name} ${d.year}年度履职述职报告`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ text: `${m.name}委员${d.year}年度履职述职报告`, font: 'SimHei', size: 44, bold: true }),
            ],
          }),
          p(`界别：${m.sectorName || '—'}　联络组：${m.groupName || '—'}　委员编号：${m.code}`),
          p(`考核方案：${d.schemeName}（满分 ${d.fullMarks} 分）　得分：${d.total} 分`),
          h('一、联系群众活动（按月）'),
          tableOrNone(['月份', '活动次数'], d.months),
          h('二、走访村（社区）'),
          tableOrNone(['村（社区）', '次数'], d.villages),
          h('三、反映社情民意及办理结果'),
          tableOrNone(['日期', '标题', '办理状态'], d.items),
          h('四、《社情民意》采用与批示'),
          tableOrNone(['日期', '期号', '标题', '结果'], d.outcomes),
          h('五、提案'),
          tableOrNone(['标题', '身份', '状态'], d.proposals),
          h('六、委员接待日'),
          tableOrNone(['日期', '主题', '地点'], d.receptions),
          h('七、履职考核得分'),
          table(['考核项目', '数量', '得分'], [...d.lines, ['合计', '', d.total]]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
