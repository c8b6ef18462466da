import { z } from 'zod';
import type { BindingStatus, CommitteePosition, Id, StaffRole } from '../model';
import type { HomeArea, Role } from '../roles';
import { action, noInput, pageFields, zId, zText, type Paged } from './contract';

export interface RoomView {
  roomId: Id;
  label: string;
  buildingName: string;
  status: BindingStatus;
}

export interface MeView {
  personId: Id;
  name: string;
  phone?: string;
  communityId: Id | null;
  communityName: string | null;
  roles: Role[];
  area: HomeArea;
  staffRole?: StaffRole;
  committeePosition?: CommitteePosition;
  rooms: RoomView[];
  /** Communities this person holds a role in (the switcher); the company administrators see every one. */
  communities: Array<{ communityId: Id; name: string }>;
  /** True only when the functions run on the embedded local store (dev login, movable clock). */
  localMode: boolean;
}

/** One thing a person must do next, shown on the home screen and in 待办. */
export interface TodoItem {
  key: string;
  kind: string;
  title: string;
  detail?: string;
  /** Due moment (epoch ms) and its words, when the item has a deadline. */
  due?: number;
  dueText?: string;
  overdue?: boolean;
  /** Page path in the mini-program to act on it. */
  link: string;
  count?: number;
}

export interface DevPersonView {
  personId: Id;
  name: string;
  roleLabel: string;
  area: HomeArea;
}

export interface BindingView {
  bindingId: Id;
  personName: string;
  phoneMasked: string;
  roomLabel: string;
  status: BindingStatus;
  requestedAt: number;
  /** For the staff who verify: the applicant's and the registered owner's name and phone in full. */
  applicantPhone?: string;
  registeredName?: string;
  registeredPhone?: string;
  /** What differs from the register ('' when both match; no register: says so). */
  mismatch: string;
  note?: string;
}

export const sessionApi = {
  me: action<MeView>()('当前用户信息（首次访问时登记为访客）', noInput),
  todos: action<TodoItem[]>()('我的待办：首页与待办页显示接下来要做的事', noInput),
  devPeople: action<DevPersonView[]>()('本地模式：可登录的演示人员', noInput),
  devLogin: action<{ token: string; me: MeView }>()('本地模式：以某位演示人员登录', z.strictObject({ personId: zId })),
  updateProfile: action<MeView>()(
    '修改姓名和手机号',
    z.strictObject({
      name: zText('姓名', 20),
      phone: z
        .string()
        .regex(/^1\d{10}$/, '请填写11位手机号')
        .optional(),
    }),
  ),
  listCommunities: action<Array<{ communityId: Id; name: string }>>()('可选择的小区', noInput),
  listRooms: action<Paged<{ roomId: Id; label: string; buildingName: string }>>()(
    '某小区的房屋，用于申请绑定（按房号排序，分页）',
    z.strictObject({ communityId: zId, ...pageFields }),
  ),
  requestBinding: action<MeView>()('业主申请绑定房屋，待工作人员核实', z.strictObject({ roomId: zId })),
  pendingBindings: action<Paged<BindingView> & { total?: number }>()(
    '待核实的房屋绑定申请（先申请的在前，分页；total：首页附带的总数）',
    z.strictObject(pageFields),
  ),
  decideBinding: action<BindingView>()(
    '核实房屋绑定申请',
    z.strictObject({ bindingId: zId, approve: z.boolean(), note: z.string().trim().max(200).optional() }),
  ),
  switchCommunity: action<MeView>()('切换当前小区（在多个小区有角色时）', z.strictObject({ communityId: zId })),
};
