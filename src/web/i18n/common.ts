// Shared UI strings: app shell, navigation, login, generic actions and the national code lists' labels.
export const common = {
  zh: {
    app: { name: '界联', subtitle: '政协委员联系界别群众工作平台', logout: '退出登录', changePassword: '修改密码', language: 'English' },
    nav: {
      home: '工作台', record: '记录走访', members: '委员', representatives: '群众代表', activities: '联系活动', compliance: '履职达标',
      registry: '基础数据', sectors: '界别', regions: '乡镇与村（社区）', groups: '联络组', departments: '乡机关部门', users: '账号', audit: '审计日志',
      imports: '数据导入', exports: '表格导出', me: '我的',
    },
    login: { title: '登录', username: '用户名', password: '密码', submit: '登录', demo: '演示账号：admin / leader1 / member1 / member2 / officer1，密码 Demo@2026' },
    action: { save: '保存', cancel: '取消', edit: '编辑', delete: '删除', create: '新增', search: '搜索', confirmDelete: '确定删除吗？', export: '导出', download: '下载', upload: '上传', back: '返回', view: '查看', retry: '重试' },
    msg: { saved: '已保存', deleted: '已删除', loadFailed: '加载失败', required: '此项为必填项', notFound: '记录不存在或无权查看' },
    role: { admin: '办公室工作人员', group_leader: '联络组组长', member: '委员', info_officer: '社情民意信息员', dept_handler: '承办单位', leader: '领导' },
    table: { total: '共 {{total}} 条' },
  },
  en: {
    app: { name: 'Jielian', subtitle: 'CPPCC member–constituency liaison platform', logout: 'Sign out', changePassword: 'Change password', language: '中文' },
    nav: {
      home: 'Home', record: 'Record a visit', members: 'Members', representatives: 'Representatives', activities: 'Activities', compliance: 'Compliance',
      registry: 'Registry', sectors: 'Sectors', regions: 'Townships & villages', groups: 'Liaison groups', departments: 'Departments', users: 'Accounts', audit: 'Audit log',
      imports: 'Import', exports: 'Forms', me: 'Me',
    },
    login: { title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', demo: 'Demo logins: admin / leader1 / member1 / member2 / officer1, password Demo@2026' },
    action: { save: 'Save', cancel: 'Cancel', edit: 'Edit', delete: 'Delete', create: 'New', search: 'Search', confirmDelete: 'Delete this record?', export: 'Export', download: 'Download', upload: 'Upload', back: 'Back', view: 'View', retry: 'Retry' },
    msg: { saved: 'Saved', deleted: 'Deleted', loadFailed: 'Failed to load', required: 'Required', notFound: 'Not found' },
    role: { admin: 'Office staff', group_leader: 'Group leader', member: 'Member', info_officer: 'Information officer', dept_handler: 'Department', leader: 'Leader' },
    table: { total: '{{total}} in all' },
  },
};
