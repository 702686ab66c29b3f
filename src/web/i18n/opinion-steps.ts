// Strings of the short daily paths on the 社情民意 item page and inbox bulk bar: compound dialogs, pickers, the reply
// form with files, the automatic close and its setting. Keys prefixed 'ops'.
import { OPINION_COMPOUNDS } from '../../core/opinions';

const zh = {
  compound: Object.fromEntries(OPINION_COMPOUNDS.map((c) => [c.code, c.label])) as Record<string, string>,
  done: '已完成：{{action}}',
  crumbs: { home: '工作台', opinions: '社情民意', dept: '承办工作台' },
  forward: {
    suggested: '建议',
    suggestedHint: '同类事项最常由该单位主办（{{count}} 件）',
    noSuggestion: '该分类暂无办理记录，请选择承办单位',
    deadlineWill: '答复期限将为 {{date}}',
    basis: {
      normal: '（{{days}} 个工作日）',
      urgent: '（紧急事项，{{days}} 个工作日）',
      category: '（按分类办理期限，{{days}} 个工作日）',
      petition: '（信访事项法定办结期限）',
    },
    deadlineOverride: '如需另定期限请选择日期，留空按上述期限',
    deadlineBulk: '留空则按各事项的分类和紧急程度自动计算',
    defaultInstructions: '请按期办理，并将办理结果答复政协办公室。',
  },
  feedback: {
    publicReply: '反馈给群众和委员的答复',
    publicReplyHint: '已填入承办单位的答复，可修改后反馈',
    bulkHint: '各事项按承办单位的答复反馈给群众和委员',
  },
  answer: {
    files: '附件',
    chooseFiles: '选择文件',
    types: '支持 JPG、PNG、WEBP、PDF、DOCX、XLSX，最多 {{max}} 个',
    tooMany: '最多选择 {{max}} 个文件',
    required: '请填写内容',
  },
  rateForOffice: '记录回访评价',
  closeReason: { satisfied_rating: '群众或委员评价满意，系统自动办结' },
  picker: {
    opinion: '输入查询码或标题搜索',
    similar: '相似事项',
    bulletin: '输入标题或期号（如 2026年第11期）搜索草稿',
    draft: '草稿',
    proposal: '输入提案标题或编号（如 2026年第5号）搜索',
    none: '没有找到',
  },
  field: { targetId: '合并到', bulletinId: '编入的期刊', proposalId: '关联的提案' },
  handling: {
    title: '办理规则',
    autoClose: '评价“满意”后自动办结',
    autoCloseHint: '群众或委员评价满意时，事项立即转为“已办结”（记入办理过程，操作人为系统）；关闭后需办公室手动办结。',
    saved: '已保存办理规则',
  },
};

const en: typeof zh = {
  compound: { accept_and_forward: 'Accept and forward', approve_and_feedback: 'Approve and send feedback' },
  done: 'Done: {{action}}',
  crumbs: { home: 'Workbench', opinions: 'Opinions', dept: 'Department desk' },
  forward: {
    suggested: 'Suggested',
    suggestedHint: 'Led most items of this category ({{count}})',
    noSuggestion: 'No history for this category yet: choose the department',
    deadlineWill: 'The reply will be due on {{date}}',
    basis: {
      normal: ' ({{days}} working days)',
      urgent: ' (urgent: {{days}} working days)',
      category: ' (category period: {{days}} working days)',
      petition: ' (statutory petition deadline)',
    },
    deadlineOverride: 'Pick a date only to set another deadline',
    deadlineBulk: 'Leave empty to compute it per item from its category and urgency',
    defaultInstructions: 'Please handle this by the deadline and report the result to the CPPCC office.',
  },
  feedback: {
    publicReply: 'Reply sent to the citizen and members',
    publicReplyHint: "Pre-filled with the department's reply; edit it before sending if needed",
    bulkHint: "Each item's department reply is sent as its feedback",
  },
  answer: {
    files: 'Files',
    chooseFiles: 'Choose files',
    types: 'JPG, PNG, WEBP, PDF, DOCX or XLSX, at most {{max}}',
    tooMany: 'At most {{max}} files',
    required: 'Enter the text',
  },
  rateForOffice: 'Record callback rating',
  closeReason: { satisfied_rating: 'Rated satisfied: closed by the system' },
  picker: {
    opinion: 'Search by tracking code or title',
    similar: 'Similar items',
    bulletin: 'Search drafts by title or issue (e.g. 2026年第11期)',
    draft: 'Draft',
    proposal: 'Search proposals by title or number',
    none: 'Nothing found',
  },
  field: { targetId: 'Merge into', bulletinId: 'Bulletin issue', proposalId: 'Proposal' },
  handling: {
    title: 'Handling rules',
    autoClose: 'Close automatically after a "satisfied" rating',
    autoCloseHint:
      'When a citizen or member rates "satisfied", the item is closed at once (recorded with the system as actor); when off, the office closes it.',
    saved: 'Handling rules saved',
  },
};

/** The 'ops.' catalogue in both languages. */
export const ops = { zh: { ops: zh }, en: { ops: en } };
