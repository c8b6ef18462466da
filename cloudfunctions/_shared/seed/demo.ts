import { seedFeeLedger } from '../../fees/seed';
import type { Bill, Building, CommitteePosition, CommitteeSeat, Community, Person, Room, RoomBinding, StaffRole } from '@domain/model';
import { addMonths, localDateOf, monthOf } from '@domain/time';
import { rawStorage, type Storage } from '../storage/port';

/**
 * The demo community a fresh local run starts with: 阳光花园, 2 buildings × 20 rooms with owners,
 * a 5-member committee (主任, 副主任, 3 委员), 2 butlers, a butler supervisor, a head, a general
 * manager, 2 visitors waiting for room verification, and three months of bills.
 * Deterministic: the same `now` gives the same records, so tests can name people.
 */
export const DEMO_COMMUNITY_ID = 'c_demo';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '志强',
  '海燕',
  '文',
  '晓东',
  '丹',
  '国庆',
];

const personName = (i: number): string => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
const phone = (i: number): string => `139${String(10000000 + i * 7919).slice(-8)}`;
export const devOpenid = (personId: string): string => `dev-openid-${personId}`;

export interface DemoData {
  communities: Community[];
  buildings: Building[];
  rooms: Room[];
  people: Person[];
  roomBindings: RoomBinding[];
  committeeSeats: CommitteeSeat[];
  bills: Bill[];
}

export function demoData(now: number): DemoData {
  const createdAt = now;
  const v = { version: 1 } as const;
  const community: Community = {
    _id: DEMO_COMMUNITY_ID,
    ...v,
    name: '阳光花园',
    city: '深圳',
    companyAccount: { bank: '招商银行深圳科技园支行', accountName: '阳光物业服务有限公司', accountNo: '7559 0123 4567 890' },
    createdAt,
  };
  const buildings: Building[] = [1, 2].map((n) => ({ _id: `b_demo_${n}`, ...v, communityId: community._id, name: `${n}栋` }));
  const rooms: Room[] = [];
  for (const b of buildings) {
    for (let floor = 1; floor <= 5; floor++) {
      for (let unit = 1; unit <= 4; unit++) {
        const n = `${floor}0${unit}`;
        rooms.push({
          _id: `r_${b._id.slice(-1)}_${n}`,
          ...v,
          communityId: community._id,
          buildingId: b._id,
          label: `${b.name}-${n}`,
          areaM2: 80 + ((floor * 4 + unit) % 5) * 15,
        });
      }
    }
  }
  const people: Person[] = [];
  const roomBindings: RoomBinding[] = [];
  rooms.forEach((room, i) => {
    const id = `p_owner_${String(i + 1).padStart(2, '0')}`;
    people.push({ _id: id, ...v, openid: devOpenid(id), name: personName(i), phone: phone(i), communityId: community._id, createdAt });
    roomBindings.push({
      _id: `bind_${room._id}`,
      ...v,
      communityId: community._id,
      personId: id,
      roomId: room._id,
      status: 'approved',
      requestedAt: createdAt,
      decidedAt: createdAt,
    });
  });
  const positions: CommitteePosition[] = ['chair', 'vice_chair', 'member', 'member', 'member'];
  const termStart = localDateOf(now - 400 * 86_400_000);
  const termEnd = localDateOf(now + 4 * 365 * 86_400_000);
  const committeeSeats: CommitteeSeat[] = positions.map((position, i) => ({
    _id: `seat_${i + 1}`,
    ...v,
    communityId: community._id,
    personId: people[i * 7]._id,
    position,
    termStart,
    termEnd,
  }));
  const staff: Array<[string, string, StaffRole, string | null, string[]?]> = [
    ['p_butler_1', '陈晓东', 'butler', community._id, [buildings[0]._id]],
    ['p_butler_2', '林海燕', 'butler', community._id, [buildings[1]._id]],
    ['p_supervisor', '郑建华', 'butler_supervisor', community._id],
    ['p_head', '周志强', 'head', community._id],
    ['p_gm', '高国庆', 'general_manager', null],
  ];
  staff.forEach(([id, name, role, communityId, buildingIds], i) => {
    people.push({ _id: id, ...v, openid: devOpenid(id), name, phone: phone(100 + i), communityId, staffRole: role, buildingIds, createdAt });
  });
  // The company's system administrator (系统管理员): manages communities, holds no community role.
  people.push({ _id: 'p_admin', ...v, openid: devOpenid('p_admin'), name: '何文', phone: phone(150), communityId: null, admin: true, createdAt });
  ['p_visitor_1', 'p_visitor_2'].forEach((id, i) => {
    people.push({ _id: id, ...v, openid: devOpenid(id), name: ['孙丽', '吴磊'][i], phone: phone(200 + i), communityId: community._id, createdAt });
    roomBindings.push({
      _id: `bind_${id}`,
      ...v,
      communityId: community._id,
      personId: id,
      roomId: rooms[i + 3]._id,
      status: 'requested',
      requestedAt: now - (i + 1) * 86_400_000,
    });
  });
  const bills: Bill[] = [];
  for (let m = 2; m >= 0; m--) {
    const month = addMonths(monthOf(localDateOf(now)), -m);
    rooms.forEach((room, i) => {
      // Most pay; a few rooms run arrears, some for all three months, so the reminder list is real.
      const unpaid = i % 9 === 0 || (m === 0 && i % 3 === 0) || (m === 1 && i % 5 === 0);
      bills.push({
        _id: `bill_${room._id}_${month}`,
        ...v,
        communityId: community._id,
        buildingId: room.buildingId,
        roomId: room._id,
        month,
        amountFen: Math.round(room.areaM2 * 250),
        status: unpaid ? 'unpaid' : 'paid',
        dueDate: `${month}-15`,
        paidAt: unpaid ? undefined : createdAt,
        createdAt,
      });
    });
  }
  return { communities: [community], buildings, rooms, people, roomBindings, committeeSeats, bills };
}

/** Writes the demo community unless it is there already; returns whether it seeded. */
export async function seedDemo(store: Storage, now: number): Promise<boolean> {
  if (await store.get('communities', DEMO_COMMUNITY_ID)) return false;
  const data = demoData(now);
  for (const [collection, records] of Object.entries(data) as Array<[keyof DemoData, Array<{ _id: string }>]>) {
    // Communities last, so an interrupted seed is completed on the next start.
    if (collection === 'communities') continue;
    for (const r of records) await rawStorage(store).insertIfAbsent(collection, r);
  }
  await seedFeeLedger(store, data, now);
  for (const c of data.communities) await store.insertIfAbsent('communities', c);
  return true;
}
