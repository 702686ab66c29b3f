// Field messages of the category rules, in both languages (candidates for src/server/i18n/zod-issues.ts).
import { AppError, type FieldIssue } from '../../errors.js';
import { type Lang, type MessageCode, type Texts, textIn } from '../../i18n/messages.js';

const categoryMessages = {
  category_parent_missing: { zh: '上级分类不存在', en: 'No such parent category' },
  category_two_levels: {
    zh: '分类只有两级：上级只能是一级分类，且有下级的分类不能再挂到别的分类下',
    en: 'Categories have two levels: the parent must be top-level, and a category with sub-categories cannot move under another',
  },
  category_name_taken: { zh: '同一上级分类下已有同名分类', en: 'A category with this name already exists here' },
} as const satisfies Record<string, Texts>;

/** A message key of the category rules. */
export type CategoryMessage = keyof typeof categoryMessages;

/** An AppError naming one field, its message already in the caller's language. */
export function categoryError(code: MessageCode, path: string, key: CategoryMessage, lang: Lang): AppError {
  const issue: FieldIssue = { path, message: textIn(categoryMessages[key], lang) };
  return new AppError(code, {}, [issue]);
}
