import { z } from 'zod';
import type { Id } from '../model';
import { TEMPLATES } from '../alerts/templates';
import { action, noInput, zKeyOf, zPage, type Paged } from './contract';

export interface InboxItemView {
  inboxId: Id;
  title: string;
  body: string;
  link?: string;
  createdAt: number;
  readAt?: number;
}

/**
 * A message's id is `inbox:` + its alert's key, and keys name what they are about (a delivery, an
 * event number, a person), so they run past a record id's 64 characters.
 */
const zInboxId = z.string().trim().min(1, '缺少编号').max(256, '编号过长');

export const alertsApi = {
  /** The message centre: unread first, newest first within each; `unread` counts all of them. */
  inbox: action<Paged<InboxItemView> & { unread: number }>()('消息中心（未读在前，分页）', zPage),
  markRead: action<{ unread: number }>()('标记站内消息已读', z.strictObject({ inboxId: zInboxId })),
  consent: action<{ remaining: number }>()(
    '记录用户对订阅消息的授权（一次授权可发送一条）',
    z.strictObject({ templateKey: zKeyOf(TEMPLATES, '未知的订阅消息模板'), accepted: z.boolean() }),
  ),
  sweep: action<{ alertsCreated: number; escalated: number }>()('扫描到期事项并生成提醒（定时触发器也会调用）', noInput),
};
