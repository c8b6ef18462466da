import type { MeView } from '@domain/api/session';
import { POSITION_LABELS, STAFF_ROLE_LABELS } from '@domain/model';
import { COMPANY_ADMIN_ROLES, ROLE_LABELS, type HomeArea } from '@domain/roles';

export const AREA_LABELS: Record<HomeArea, string> = {
  owner: '业主',
  committee: '业委会',
  staff: '工作人员',
  admin: '系统管理员',
  visitor: '访客',
};

/** The one label a person is greeted with: their most specific role in the area they work in. */
export function roleLabel(me: Pick<MeView, 'area' | 'staffRole' | 'committeePosition'>): string {
  switch (me.area) {
    case 'staff':
      return me.staffRole ? STAFF_ROLE_LABELS[me.staffRole] : AREA_LABELS.staff;
    case 'committee':
      return me.committeePosition ? `业委会${POSITION_LABELS[me.committeePosition]}` : ROLE_LABELS.committee;
    case 'owner':
      return ROLE_LABELS.owner;
    case 'admin':
      return ROLE_LABELS.admin;
    default:
      return ROLE_LABELS.visitor;
  }
}

/** Where a person works: their community, the whole company for its administrators, else not yet anywhere. */
export function communityLabel(me: Pick<MeView, 'communityName' | 'roles'>): string {
  return me.communityName ?? (me.roles.some((r) => COMPANY_ADMIN_ROLES.includes(r)) ? '全公司' : '尚未加入小区');
}

export const BINDING_STATUS_LABELS = {
  requested: '审核中',
  approved: '已绑定',
  rejected: '未通过',
} as const;

export const BINDING_STATUS_TAGS = {
  requested: 'tag-warning',
  approved: 'tag-success',
  rejected: 'tag-danger',
} as const;
