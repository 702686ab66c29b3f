// The password rules: live hints while typing (same pure check as the server) and the server's weak_password answer on the field.
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import type { FormInstance } from 'antd';
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPassword, type PasswordViolation } from '../../../../core/password';
import { ApiError } from '../../../api';
import { applyApiError } from '../../../components/errors';

const RULES: PasswordViolation[] = ['too_short', 'too_simple', 'contains_username', 'common_password'];

/** Ticks each rule as the password is typed. */
export function PasswordHints({ password, username }: { password: string; username: string }) {
  const { t } = useTranslation();
  const broken = new Set(checkPassword(password ?? '', username ?? ''));
  return (
    <Flex vertical gap={2} style={{ fontSize: 12, marginBlockStart: 4 }} data-testid="password-hints">
      {RULES.map((r) => (
        <span key={r}>
          {broken.has(r) ? (
            <CloseCircleTwoTone twoToneColor="#cf1322" />
          ) : (
            <CheckCircleTwoTone twoToneColor="#52c41a" />
          )}{' '}
          {t(`office.password.rules.${r}`)}
        </span>
      ))}
    </Flex>
  );
}

/** Shows an API error on the form; a weak_password answer lists the broken rules under the password field. */
export function applyPasswordError(
  e: unknown,
  form: FormInstance,
  field = 'password',
  t: (k: string) => string,
): string {
  if (e instanceof ApiError && e.body.code === 'weak_password') {
    const rules = ((e.body.details as any)?.rules ?? []) as string[];
    form.setFields([{ name: field, errors: rules.map((r) => t(`office.password.rules.${r}`)) }]);
    return e.body.message;
  }
  return applyApiError(e, form);
}
