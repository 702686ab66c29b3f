// Sample data shared by renderers.test.ts: a member's list, a busy activity with very long opinions, a long summary.
import type { RecordCardData, RegistrationFormData, SummaryFormData } from './types.js';

export const registration: RegistrationFormData = {
  member: {
    name: '张晓明',
    sectorName: '教育界',
    groupName: '大路槽乡政协联络组',
    workUnit: '大路槽乡中心学校',
    post: '校长',
  },
  rows: [
    {
      name: '王建国',
      gender: '男',
      age: 52,
      education: '高中',
      post: '村主任',
      workUnit: '红星村村委会',
      politicalStatus: '中共党员',
      address: '大路槽乡红星村三组',
      phone: '13800000001',
      remarks: '关注农村道路',
    },
    {
      name: '赵秀英',
      gender: '女',
      age: null,
      education: '初中',
      post: '',
      workUnit: '',
      politicalStatus: '群众',
      address: '红星村五组',
      phone: '0851-1234567',
      remarks: '',
    },
  ],
  generatedAt: new Date('2024-05-01T02:00:00Z'),
};

export const opinionPieces = Array.from({ length: 400 }, (_, i) => `第${i}条道路硬化意见`);
export const opinions = opinionPieces.join('，');
export const card: RecordCardData = {
  date: '2024-03-05',
  members: [
    { name: '张晓明', workUnit: '大路槽乡中心学校' },
    { name: '李芳', workUnit: '县人民医院' },
  ],
  contacts: ['王建国', '赵秀英', '陈志强', '刘桂兰'].map((name, i) => ({
    name,
    workUnitAndPost: '红星村村委会 主任',
    gender: i % 2 ? '女' : '男',
    age: 40 + i,
    phone: `1380000000${i}`,
    politicalStatus: '中共党员',
  })),
  methods: ['座谈', '走访'],
  purposes: ['道路硬化'],
  opinions,
  handling: '已报送县政协并转县交通运输局办理。',
  villageName: '红星村',
};

export const summary = (rows: number): SummaryFormData => ({
  groupName: '大路槽乡政协联络组',
  from: '2024-01-01',
  to: '2024-03-31',
  rows: Array.from({ length: rows }, (_, i) => ({
    memberNames: '张晓明、李芳',
    contactNames: `联系人${i}`,
    date: '2024-03-05',
    opinions: i === 5 ? opinions : `反映${i}号：村道年久失修，雨天泥泞难行，希望尽快硬化。`,
    handling: '已转县交通运输局办理',
    remarks: i === 0 ? '首条' : '',
  })),
  generatedAt: new Date('2024-04-01T00:00:00Z'),
});
