// Strings of the KPI dashboard (/kpis): keys prefixed 'kpi'.

const zh = {
  title: '社情民意指标',
  range: '统计期间',
  groupBy: '分组',
  period: '周期',
  export: '导出 Excel',
  none: '（未指定）',
  total: '合计',
  group: {
    period: '期间',
    region: '镇街',
    sector: '界别',
    department: '承办单位',
    channel: '渠道',
    member: '委员',
    category: '类别',
  },
  unit: { month: '月', week: '周', quarter: '季度' },
  measure: {
    received: '收件量',
    acceptance: '受理率',
    onTime: '按时办结率',
    reply: '回复率',
    feedback: '反馈率',
    satisfaction: '满意率',
    avgHandlingDays: '平均办理天数',
  },
  ratio: '{{num}} / {{den}}',
  days: '{{n}} 天',
  chart: { volume: '收件量', rates: '各项比率（%）' },
  drill: '查看件',
  definitions: '指标口径',
};

const en: typeof zh = {
  title: 'Opinion KPIs',
  range: 'Period',
  groupBy: 'Group by',
  period: 'Unit',
  export: 'Export Excel',
  none: '(none)',
  total: 'Total',
  group: {
    period: 'Period',
    region: 'Township',
    sector: 'Sector',
    department: 'Department',
    channel: 'Channel',
    member: 'Member',
    category: 'Category',
  },
  unit: { month: 'Month', week: 'Week', quarter: 'Quarter' },
  measure: {
    received: 'Received',
    acceptance: 'Acceptance',
    onTime: 'On time',
    reply: 'Reply rate',
    feedback: 'Feedback rate',
    satisfaction: 'Satisfaction',
    avgHandlingDays: 'Avg. handling days',
  },
  ratio: '{{num}} / {{den}}',
  days: '{{n}} d',
  chart: { volume: 'Received', rates: 'Rates (%)' },
  drill: 'Items',
  definitions: 'Definitions',
};

/** The 'kpi.' catalogue in both languages. */
export const kpi = { zh: { kpi: zh }, en: { kpi: en } };
