// The demo's 社情民意 categories: the eleven fields a county office files opinions under, each with 3–5 sub-categories.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';

/** One top-level category with its sub-categories; a reply period (working days) where the office shortens it. */
export interface DemoCategory {
  name: string;
  children: readonly (string | { name: string; replyWorkingDays: number })[];
  replyWorkingDays?: number;
}

/** The taxonomy the demo ships, in display order; tests and the opinion generator pick from it by name. */
export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  { name: '经济发展', children: ['营商环境', '产业发展', '招商引资', '企业帮扶', '就业创业'] },
  {
    name: '生态环境',
    children: [{ name: '养殖污染', replyWorkingDays: 10 }, '水污染', '垃圾处理', '噪声扰民', '矿山修复'],
  },
  { name: '教育', children: ['学前教育', '义务教育', '校车与上学路', '职业教育'] },
  { name: '医疗卫生', children: ['基层医疗', '医保报销', '公共卫生', '药品价格'] },
  { name: '社会保障', children: ['养老服务', '低保救助', '残疾人帮扶', '社保缴纳'] },
  {
    name: '交通出行',
    children: ['道路建设', '公交线路', { name: '交通安全', replyWorkingDays: 5 }, '停车管理'],
  },
  { name: '城乡建设', children: ['老旧小区改造', '供水供电', '农房审批', '物业管理', '违章建筑'] },
  { name: '农业农村', children: ['白茶产业', '土地流转', '农村水利', '乡村振兴', '农资与补贴'] },
  {
    name: '社会治理',
    children: [{ name: '安全隐患', replyWorkingDays: 5 }, '矛盾纠纷', '基层治理', '平安建设'],
  },
  { name: '文化旅游', children: ['民宿管理', '景区建设', '文体设施', '文物保护'] },
  { name: '民族宗教', children: ['民族团结', '宗教场所管理', '少数民族群众帮扶'] },
];

/** A seeded category with its parent's name, so callers can pick "生态环境 › 养殖污染" by name. */
export interface SeededCategory {
  id: number;
  name: string;
  parentName: string | null;
}

// Inserts one category unless the same name already exists under the same parent; returns its id either way.
async function upsertCategory(
  db: DbOrTx,
  name: string,
  parentId: number | null,
  sortOrder: number,
  replyWorkingDays: number | null,
): Promise<number> {
  const found = await db.execute(
    sql`select id from opinion_categories where coalesce(parent_id, 0) = ${parentId ?? 0} and name = ${name}`,
  );
  const existing = found.rows[0] as { id: number } | undefined;
  if (existing) return existing.id;
  const res = await db.execute(sql`
    insert into opinion_categories (parent_id, name, reply_working_days, sort_order)
    values (${parentId}, ${name}, ${replyWorkingDays}, ${sortOrder}) returning id`);
  return (res.rows[0] as { id: number }).id;
}

/** Seeds the demo taxonomy (idempotent: existing names are kept); call it from the demo seed inside its transaction. */
export async function seedOpinionCategories(db: DbOrTx): Promise<SeededCategory[]> {
  const out: SeededCategory[] = [];
  for (const [i, top] of DEMO_CATEGORIES.entries()) {
    const parentId = await upsertCategory(db, top.name, null, (i + 1) * 10, top.replyWorkingDays ?? null);
    out.push({ id: parentId, name: top.name, parentName: null });
    for (const [j, child] of top.children.entries()) {
      const c = typeof child === 'string' ? { name: child, replyWorkingDays: null } : child;
      const id = await upsertCategory(db, c.name, parentId, (j + 1) * 10, c.replyWorkingDays);
      out.push({ id, name: c.name, parentName: top.name });
    }
  }
  return out;
}
