/**
 * Writes the sample rooms-and-owners workbook the onboarding test imports (and a new user can try):
 *   npx tsx scripts/make-room-fixture.ts [rooms=200] [out=test/fixtures/rooms-200.xlsx]
 * Deterministic: the same count gives the same rows (file bytes differ only by exceljs's timestamps).
 */
import * as path from 'path';
import { Workbook } from 'exceljs';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明'];

export function roomRows(count: number): Array<[string, string, string, number, string, string]> {
  const rows: Array<[string, string, string, number, string, string]> = [];
  // 2 units × 10 floors × 2 doors = 40 rooms a building.
  for (let i = 0; i < count; i++) {
    const building = `${Math.floor(i / 40) + 1}栋`;
    const inBuilding = i % 40;
    const unit = `${Math.floor(inBuilding / 20) + 1}单元`;
    const floor = Math.floor((inBuilding % 20) / 2) + 1;
    const room = `${floor}0${(inBuilding % 2) + 1}`;
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
    const phone = `138${String(10_000_000 + i * 37).slice(-8)}`;
    rows.push([building, unit, room, 60 + ((i * 13) % 90) + 0.5, name, phone]);
  }
  return rows;
}

export async function writeRoomWorkbook(file: string, count: number): Promise<void> {
  const book = new Workbook();
  book.created = new Date('2026-01-01T00:00:00Z');
  book.modified = book.created;
  const sheet = book.addWorksheet('房屋与业主');
  sheet.addRow(['楼栋', '单元', '房号', '建筑面积', '业主姓名', '业主手机']);
  for (const r of roomRows(count)) sheet.addRow(r);
  await book.xlsx.writeFile(file);
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 200);
  const out = path.resolve(process.argv[3] ?? `test/fixtures/rooms-${count}.xlsx`);
  writeRoomWorkbook(out, count)
    .then(() => console.log(`wrote ${count} rooms → ${out}`))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
