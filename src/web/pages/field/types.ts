// Shapes of the API answers the field pages read (what the server's presenters return).

export interface Abilities {
  canEdit: boolean;
  canDelete: boolean;
  canAttach?: boolean;
  /** May raise the activity's opinions as 社情民意 items (转为社情民意). */
  canRaise?: boolean;
}

/** An item raised from (or linked to) an activity; id and title are null when the viewer may not see the item. */
export interface RaisedItem {
  key: string | null;
  id: number | null;
  title: string | null;
  status: string | null;
}

export interface Activity {
  id: number;
  clientId: string | null;
  date: string;
  regionId: number | null;
  regionName: string | null;
  townshipName: string | null;
  location: string;
  methods: string[];
  methodOther: string;
  purposes: string[];
  opinions: string;
  handling: string;
  handlingStatus: string;
  createdAt: string;
  members: Array<{ id: number; name: string; workUnit: string; groupId: number | null }>;
  contacts: Array<{ id: number; name: string }>;
  attachmentCount: number;
  abilities: Abilities;
  /** The items raised from it (the detail, create and edit answers; not the list). */
  raised?: RaisedItem[];
}

/** What POST /activities takes. */
export interface ActivityBody {
  clientId?: string;
  date: string;
  regionId: number | null;
  location: string;
  methods: string[];
  methodOther: string;
  purposes: string[];
  memberIds: number[];
  representativeIds: number[];
  opinions: string;
  handling: string;
  handlingStatus: string;
  /** Keys of the opinions to raise as 社情民意 items with the record (同时转为社情民意). */
  raiseOpinions?: string[];
}

export interface Representative {
  id: number;
  name: string;
  gender: string;
  birthYear: number | null;
  age: number | null;
  education: string;
  post: string;
  workUnit: string;
  politicalStatus: string;
  address: string;
  phone: string;
  remarks: string;
  regionId: number | null;
  regionName: string | null;
  townshipName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  memberIds: number[];
  memberNames: string;
  masked: boolean;
  abilities: Abilities;
}

export interface MemberVillage {
  id: number;
  name: string;
  code: string;
  townshipName: string | null;
  lastVisit: string | null;
}

export interface MemberDetail {
  id: number;
  name: string;
  workUnit: string;
  post: string;
  groupId: number | null;
  groupName: string | null;
  sectorName: string | null;
  representativeCount: number;
  villageCount: number;
  villages: MemberVillage[];
}

export interface Attachment {
  id: number;
  activityId: number;
  kind: 'photo' | 'signin';
  filename: string;
  mime: string;
  size: number;
  createdAt: string;
}
