// Add or edit a township/street or a village/community: 12-digit division code, name, and the village's contact person (专人对接).
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPhone } from '../../../../core/phone';
import { api } from '../../../api';
import { applyApiError } from '../../../components/errors';
import type { Region } from '../components/registry-data';

export interface RegionTarget {
  level: 'township' | 'village';
  parent?: Region;
  region?: Region;
}

/** The drawer; closes and refreshes the lists after a save. */
export function RegionDrawer({ target, onClose }: { target: RegionTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    const r = target.region;
    form.setFieldsValue(
      r
        ? { code: r.code, name: r.name, contactName: r.contactName, contactPhone: r.contactPhone }
        : { code: target.parent?.code.slice(0, 9) ?? '' },
    );
  }, [target, form]);
  const isVillage = target?.level === 'village';
  const save = async (v: any) => {
    if (!target) return;
    setBusy(true);
    try {
      const body = { ...v, level: target.level, parentId: target.region?.parentId ?? target.parent?.id ?? null };
      if (!isVillage) {
        delete body.contactName;
        delete body.contactPhone;
      }
      if (target.region) await api(`/regions/${target.region.id}`, { method: 'PATCH', body });
      else await api('/regions', { body });
      message.success(t('msg.saved'));
      qc.invalidateQueries({ queryKey: ['townships'] });
      qc.invalidateQueries({ queryKey: ['/regions'] });
      onClose();
    } catch (e) {
      message.error(applyApiError(e, form));
    } finally {
      setBusy(false);
    }
  };
  const req = { required: true, message: t('msg.required') };
  const title = target?.region
    ? `${t('action.edit')} · ${target.region.name}`
    : isVillage
      ? t('office.region.addVillageTo', { name: target?.parent?.name ?? '' })
      : t('office.region.addTownship');
  return (
    <Drawer
      open={!!target}
      title={title}
      onClose={onClose}
      size={420}
      forceRender
      footer={
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="region-save">
            {t('action.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={save} data-testid="region-form">
        <Form.Item
          name="code"
          label={t('office.region.code')}
          extra={t('office.region.codeHint')}
          rules={[req, { pattern: /^\d{12}$/, message: t('office.region.codeInvalid') }]}
        >
          <Input maxLength={12} inputMode="numeric" data-testid="region-code" />
        </Form.Item>
        <Form.Item name="name" label={t('office.region.name')} rules={[req]}>
          <Input maxLength={50} data-testid="region-name" />
        </Form.Item>
        {isVillage && (
          <>
            <Form.Item name="contactName" label={t('office.region.contactName')} extra={t('office.region.contactHint')}>
              <Input maxLength={50} data-testid="region-contact-name" />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label={t('office.region.contactPhone')}
              rules={[
                {
                  validator: (_, v) =>
                    !v || isPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('office.member.phoneInvalid'))),
                },
              ]}
            >
              <Input maxLength={20} inputMode="tel" data-testid="region-contact-phone" />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
