import type { RoomBinding } from '@domain/model';
import { ROUTES } from '@domain/routes';
import { raiseAlert } from '../_shared/alerts';
import type { Runtime } from '../_shared/runtime';
import { visibleOne } from '../_shared/staged';

/** A binding decided → the applicant: approved, or rejected with the reason staff gave. */
export async function alertBindingDecided(rt: Runtime, now: number, b: RoomBinding): Promise<boolean> {
  const room = await visibleOne(rt.store, await rt.store.get('rooms', b.roomId));
  const label = room?.label ?? '房屋';
  const approved = b.status === 'approved';
  const reason = b.note?.trim() || '未填写原因，如有疑问请联系物业服务中心';
  return raiseAlert(rt, now, {
    key: `binding-decided:${b._id}:${b.version}`,
    personId: b.personId,
    communityId: b.communityId,
    title: approved ? `房屋绑定已通过：${label}` : `房屋绑定未通过：${label}`,
    body: approved ? `您申请绑定的 ${label} 已核实通过，现在可以查看账单、提出质询和建议。` : `您申请绑定的 ${label} 未通过核实。原因：${reason}`,
    link: approved ? ROUTES.home : ROUTES.owner.bindRoom,
    templateKey: 'result',
    templateValues: { thing1: `房屋绑定·${label}`, phrase2: approved ? '已通过' : '未通过', thing3: approved ? '可查看账单和提问' : reason, time4: now },
  });
}
