import type { PDFFont, PDFPage } from 'pdf-lib';
import { AppError } from '@domain/errors';
import { owingFen, yuan } from '@domain/fee-ledger';
import type { Bill, Community, Room } from '@domain/model';
import { localDateOf } from '@domain/time';
import { requireCaller, type Handler } from '../_shared/function';
import { loadVisible } from '../_shared/guards';
import { visible, visibleOne } from '../_shared/staged';
import { A5, createPdf, INK } from '../_shared/pdf';
import { buildingBound, staffRoom } from './scope';

/**
 * Printable reminder slips (催缴单): room, months, amount and the company account; never a name.
 * The font is subset per document (`_shared/pdf.ts`), so a slip stays small whatever it says.
 */
export interface SlipData {
  communityName: string;
  roomLabel: string;
  bills: Array<{ month: string; owingFen: number }>;
  account: Community['companyAccount'];
  date: string;
}

function drawSlip(page: PDFPage, font: PDFFont, s: SlipData): void {
  let y = 550;
  const line = (text: string, size = 11, x = 40) => {
    page.drawText(text, { x, y, size, font, color: INK });
    y -= size + 9;
  };
  line(`${s.communityName} 物业服务费催缴通知单`, 16, 60);
  y -= 6;
  line(`房号：${s.roomLabel}`);
  line('尊敬的业主：您好！经核对，贵户以下月份的物业服务费尚未缴纳：');
  for (const b of s.bills) line(`${b.month}    应缴 ${yuan(b.owingFen)} 元`, 11, 60);
  const total = s.bills.reduce((t, b) => t + b.owingFen, 0);
  line(`合计欠费 ${s.bills.length} 个月，共 ${yuan(total)} 元`, 12);
  y -= 4;
  line('请缴至物业公司账户（工作人员不会使用个人账户收取物业费）：');
  line(`开户行：${s.account.bank}`, 11, 60);
  line(`户名：${s.account.accountName}`, 11, 60);
  line(`账号：${s.account.accountNo}`, 11, 60);
  y -= 4;
  line('如已缴纳请忽略本通知，并可在小程序中点“我已缴费”上传转账凭证。');
  line(`通知日期：${s.date}`);
  y -= 16;
  line('签收人：____________    签收日期：____________');
}

/** One A5 page per room; the font subset holds only the characters used. */
export async function slipsPdf(slips: SlipData[]): Promise<Uint8Array> {
  const { doc, font } = await createPdf('物业服务费催缴通知单');
  for (const s of slips) drawSlip(doc.addPage(A5), font, s);
  return doc.save({ useObjectStreams: true });
}

function slipOf(community: Community, room: Room, bills: Bill[], date: string): SlipData {
  return {
    communityName: community.name,
    roomLabel: room.label,
    bills: bills
      .filter((b) => b.roomId === room._id && owingFen(b) > 0)
      .sort((a, b) => a.month.localeCompare(b.month))
      .map((b) => ({ month: b.month, owingFen: owingFen(b) })),
    account: community.companyAccount,
    date,
  };
}

/** Returned as base64: the app writes it to a file and opens it (`Taro.openDocument` in WeChat). */
export const reminderSlips: Handler<'fees', 'reminderSlips'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  let rooms: Room[];
  if (input.roomId) rooms = [await staffRoom(ctx, caller, input.roomId)];
  else {
    const building = await visibleOne(ctx.store, await loadVisible(ctx.store, 'buildings', input.buildingId ?? '', caller));
    if (!building) throw new AppError('NOT_FOUND');
    if (buildingBound(caller) && !caller.buildingIds.includes(building._id)) throw new AppError('NOT_FOUND');
    const owing = await ctx.store.find(
      'feeAccounts',
      { communityId: building.communityId, buildingId: building._id, owingFen: { $gt: 0 } },
      { sort: [['roomLabel', 1]], limit: 500 },
    );
    // Labels as in force: a committed import's values are read before they are folded in.
    const found = owing.length ? await visible(ctx.store, await ctx.store.find('rooms', { _id: { $in: owing.map((a) => a.roomId) } })) : [];
    rooms = found.sort((a, b) => a.label.localeCompare(b.label));
  }
  const community = await ctx.store.get('communities', rooms[0]?.communityId ?? caller.communityId ?? '');
  if (!community) throw new AppError('NOT_FOUND');
  const bills = rooms.length ? await ctx.store.find('bills', { roomId: { $in: rooms.map((r) => r._id) }, status: 'unpaid' }) : [];
  const slips = rooms.map((r) => slipOf(community, r, bills, localDateOf(ctx.now))).filter((s) => s.bills.length > 0);
  if (slips.length === 0) throw new AppError('NOTHING_OWING');
  const bytes = await slipsPdf(slips);
  await ctx.audit({
    type: 'room.slip_printed',
    communityId: community._id,
    subject: input.roomId ? { kind: 'room', id: input.roomId } : { kind: 'building', id: input.buildingId ?? '' },
    data: { rooms: slips.length, pages: slips.length },
  });
  const name = input.roomId ? slips[0].roomLabel : `${rooms[0].label.split('-')[0]}`;
  return { filename: `催缴单_${name}_${localDateOf(ctx.now)}.pdf`, base64: Buffer.from(bytes).toString('base64'), bytes: bytes.length, pages: slips.length };
};
