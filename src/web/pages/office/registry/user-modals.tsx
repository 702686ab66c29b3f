// Account forms: create (username, display name, initial password, roles, links), edit (roles, links, active), reset password.
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../core/code-tables';
import { api } from '../../../api';
import { useDepartments, useTownships } from '../components/registry-data';
import { MemberSelect, type Option } from '../components/remote-select';
import { applyPasswordError, PasswordHints } from './password-rules';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  memberId: number | null;
  townshipId: number | null;
  departmentId: number | null;
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  createdAt: string;
}

/** Role options with their translated names. */
export function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((r) => ({ value: r.code, label: t(`role.${r.code}`) }));
}

/** Create (no `user`) or edit an account. */
export function UserModal({
  open,
  user,
  memberLabel,
  onClose,
  onSaved,
}: {
  open: boolean;
  user?: UserRow;
  memberLabel?: Option;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const townships = useTownships();
  const townshipId = Form.useWatch('townshipId', form);
  const depts = useDepartments();
  const roleOptions = useRoleOptions();
  const username = Form.useWatch('username', form);
  const password = Form.useWatch('password', form);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(user ?? { roles: ['member'], active: true });
  }, [open, user, form]);
  const save = async (v: any) => {
    setBusy(true);
    try {
      const links = {
        memberId: v.memberId ?? null,
        townshipId: v.townshipId ?? null,
        departmentId: v.departmentId ?? null,
      };
      if (user)
        await api(`/users/${user.id}`, {
          method: 'PATCH',
          body: { displayName: v.displayName, roles: v.roles, active: v.active, ...links },
        });
      else
        await api('/users', {
          body: { username: v.username, displayName: v.displayName, password: v.password, roles: v.roles, ...links },
        });
      message.success(t('msg.saved'));
      onSaved();
      onClose();
    } catch (e) {
      message.error(applyPasswordError(e, form, 'password', t));
    } finally {
      setBusy(false);
    }
  };
  const req = [{ required: true, message: t('msg.required') }];
  const deptOptions = (depts.data ?? [])
    .filter((d) => !townshipId || d.townshipId === townshipId)
    .map((d) => ({ value: d.id, label: d.name }));
  return (
    <Modal
      open={open}
      title={user ? `${t('action.edit')} · ${user.username}` : t('office.user.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      okButtonProps={{ loading: busy, 'data-testid': 'user-save' } as any}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={save} data-testid="user-form">
        {!user && (
          <Form.Item
            name="username"
            label={t('office.user.username')}
            rules={[...req, { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: t('office.user.usernameRule') }]}
          >
            <Input maxLength={32} autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('office.user.displayName')} rules={req}>
          <Input maxLength={50} data-testid="user-display-name" />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('office.user.initialPassword')}
            rules={req}
            extra={<PasswordHints password={password} username={username} />}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('office.user.roles')} rules={req}>
          <Select mode="multiple" options={roleOptions} data-testid="user-roles" />
        </Form.Item>
        <Form.Item name="memberId" label={t('office.user.member')} extra={t('office.user.memberHint')}>
          <MemberSelect known={memberLabel ? [memberLabel] : []} data-testid="user-member" />
        </Form.Item>
        <Form.Item name="townshipId" label={t('office.region.township')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(townships.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t('office.user.department')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={deptOptions} />
        </Form.Item>
        {user && (
          <Form.Item name="active" label={t('office.user.active')} valuePropName="checked">
            <Switch data-testid="user-active" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Sets a new password for an account (the user must change it at next sign-in). */
export function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const password = Form.useWatch('password', form);
  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);
  const save = async (v: any) => {
    if (!user) return;
    setBusy(true);
    try {
      await api(`/users/${user.id}/reset-password`, { body: { password: v.password } });
      message.success(t('office.user.passwordReset'));
      onClose();
    } catch (e) {
      message.error(applyPasswordError(e, form, 'password', t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!user}
      title={t('office.user.resetPasswordOf', { name: user?.username ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'reset-password-ok' } as any}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item
          name="password"
          label={t('office.user.newPassword')}
          rules={[{ required: true, message: t('msg.required') }]}
          extra={<PasswordHints password={password} username={user?.username ?? ''} />}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('office.user.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('msg.required') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('office.user.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
