import { importProgress, missingRooms, parseCsv, readRoomTable, roomLabel, rowOutcome } from '@domain/room-import';

const HEADER = ['楼栋', '单元', '房号', '建筑面积', '业主姓名', '业主手机'];

describe('readRoomTable', () => {
  it('reads good rows, with numbers as spreadsheets store them and units left out of the label when empty', () => {
    const t = readRoomTable([HEADER, ['1栋', '2单元', 301, 89.456, '王伟', 13800000001], ['3栋', '', '101', '120㎡', ' 李芳 ', '138-0000-0002']]);
    expect(t.errorCount).toBe(0);
    expect(t.rows.map((r) => [r.label, r.areaM2, r.ownerName, r.ownerPhone, r.line])).toEqual([
      ['1栋-2单元-301', 89.46, '王伟', '13800000001', 2],
      ['3栋-101', 120, '李芳', '13800000002', 3],
    ]);
  });

  it('reports every bad row with its line, not just the first, and skips empty lines', () => {
    const t = readRoomTable([HEADER, ['1栋', '', '101', 0, '王伟', '13800000001'], [], ['', '', '', '', '', ''], ['1栋', '', '1 01', 80, '', '12345']]);
    expect(t.rows).toEqual([]);
    expect(t.errors).toEqual([
      { line: 2, message: '第2行：建筑面积应大于0' },
      { line: 5, message: '第5行：房号只能包含数字、字母、汉字和短横线；业主姓名不能为空；业主手机应为11位手机号' },
    ]);
  });

  it('names missing columns in the header, and accepts other wordings of a header', () => {
    expect(readRoomTable([['楼栋', '房号']]).errors[0].message).toContain('表头缺少列：建筑面积、业主姓名、业主手机');
    expect(
      readRoomTable([
        ['楼号', '房间号', '面积', '业主', '联系电话'],
        ['A座', '1', 50, '王伟', '13800000001'],
      ]).rows[0].label,
    ).toBe('A座-1');
  });

  it('flags a room number given twice', () => {
    const t = readRoomTable([HEADER, ['1栋', '', '101', 80, '王伟', '13800000001'], ['1栋', '', '101', 81, '李芳', '13800000002']]);
    expect(t.errors).toEqual([{ line: 3, message: '第3行：房号 1栋-101 与第2行重复' }]);
  });
});

describe('parseCsv', () => {
  it('handles a BOM, quotes, doubled quotes, commas inside quotes and CRLF', () => {
    expect(parseCsv('\uFEFFa,"b,c","d ""e"""\r\n1,2,3\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2', '3'],
    ]);
  });
});

describe('re-import', () => {
  const row = { building: '1栋', unit: '', room: '101', areaM2: 80, ownerName: '王伟', ownerPhone: '13800000001', line: 2, label: '1栋-101' };
  it('creates, updates or leaves a room by its number', () => {
    expect(rowOutcome(row, undefined)).toBe('created');
    expect(rowOutcome(row, { _id: 'r', label: '1栋-101', areaM2: 80, ownerName: '王伟', ownerPhone: '13800000001' })).toBe('unchanged');
    expect(rowOutcome(row, { _id: 'r', label: '1栋-101', areaM2: 81, ownerName: '王伟', ownerPhone: '13800000001' })).toBe('updated');
  });
  it('lists rooms the file left out, except those already retired', () => {
    const existing = [
      { label: '1栋-102', retiredAt: undefined },
      { label: '1栋-101', retiredAt: undefined },
      { label: '1栋-103', retiredAt: 5 },
    ];
    expect(missingRooms(existing, ['1栋-101']).map((r) => r.label)).toEqual(['1栋-102']);
  });
  it('shows progress over both phases', () => {
    expect(importProgress({ total: 100, staged: 50, applied: 0 })).toBe(25);
    expect(importProgress({ total: 100, staged: 100, applied: 100 })).toBe(100);
    expect(roomLabel({ building: 'A', unit: '1', room: '2' })).toBe('A-1-2');
  });
});
