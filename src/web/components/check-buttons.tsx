// Toggle buttons for multi-choice code lists (联系方式, purposes): big touch targets instead of tiny check boxes.
import { CheckOutlined } from '@ant-design/icons';
import { Button } from 'antd';

export interface CheckOption {
  value: string;
  label: string;
}

/** A wrap of toggle buttons; works as a Form.Item control (value/onChange of a string array). */
export function CheckButtons({
  options,
  value = [],
  onChange,
  testIdPrefix,
  size = 'middle',
}: {
  options: CheckOption[];
  value?: string[];
  onChange?: (v: string[]) => void;
  testIdPrefix?: string;
  size?: 'small' | 'middle' | 'large';
}) {
  const toggle = (v: string) => onChange?.(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {options.map((o) => {
        const on = value.includes(o.value);
        return (
          <Button
            key={o.value}
            size={size}
            type={on ? 'primary' : 'default'}
            ghost={on}
            icon={on ? <CheckOutlined /> : undefined}
            aria-pressed={on}
            autoInsertSpace={false}
            onClick={() => toggle(o.value)}
            data-testid={testIdPrefix ? `${testIdPrefix}${o.value}` : undefined}
            style={size === 'large' ? { minHeight: 44, minWidth: 88 } : undefined}
          >
            {o.label}
          </Button>
        );
      })}
    </div>
  );
}
