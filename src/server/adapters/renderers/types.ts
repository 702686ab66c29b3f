// Input shapes for the paper-form renderers (名单登记表, 活动记录卡, 活动汇总表); callers build these from domain data.

export interface RegistrationFormData {
  member: { name: string; sectorName: string; groupName: string; workUnit: string; post: string };
  rows: Array<{
    name: string;
    gender: string;
    age: number | null;
    education: string;
    post: string;
    workUnit: string;
    politicalStatus: string;
    address: string;
    phone: string;
    remarks: string;
  }>;
  generatedAt: Date;
}

export interface RecordCardData {
  date: string | null /* YYYY-MM-DD, null for blank */;
  members: Array<{ name: string; workUnit: string }>;
  contacts: Array<{
    name: string;
    workUnitAndPost: string;
    gender: string;
    age: number | null;
    phone: string;
    politicalStatus: string;
  }>;
  methods: Array<'座谈' | '社情民意箱' | '走访' | '电话' | '信件' | '其他'>;
  methodOther?: string;
  purposes: string[];
  opinions: string;
  handling: string;
  villageName?: string;
}

export interface SummaryFormData {
  groupName: string;
  from: string;
  to: string /* YYYY-MM-DD */;
  rows: Array<{
    memberNames: string;
    contactNames: string;
    date: string;
    opinions: string;
    handling: string;
    remarks: string;
  }>;
  generatedAt: Date;
}
