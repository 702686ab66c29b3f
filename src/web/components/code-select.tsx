// A drop-down over one of the national code lists (性别, 政治面貌, 学历, 联系方式 …) showing labels, storing codes.
import { Select, type SelectProps } from 'antd';
import type { CodeList } from '../../core/code-tables';

/** Select for a code list; pass `mode="multiple"` for methods and purposes. */
export function CodeSelect({ list, ...rest }: { list: CodeList } & SelectProps) {
  return <Select allowClear options={list.map((c) => ({ value: c.code, label: c.label }))} {...rest} />;
}
