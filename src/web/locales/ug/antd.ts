// antd ships no Uyghur locale (no ug_CN in antd/es/locale): its own texts (pickers, pagination) stay Chinese.
export { default } from 'antd/es/locale/zh_CN';
