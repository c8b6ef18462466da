import { resolveStaged } from '@domain/import-staging';

const room = { _id: 'r1', areaM2: 80, label: '1栋-101' };
describe('resolveStaged', () => {
  it('a new record of an uncommitted import is not there; once committed it is', () => {
    const r = { ...room, staged: { importId: 'imp1', created: true, values: { areaM2: 80 } } };
    expect(resolveStaged(r, () => false)).toBeNull();
    expect(resolveStaged(r, (id) => id === 'imp1')).toEqual({ ...room, staged: null });
  });
  it('a changed record keeps its old values until the import commits', () => {
    const r = { ...room, staged: { importId: 'imp2', created: false, values: { areaM2: 95.5 } } };
    expect(resolveStaged(r, () => false)).toMatchObject({ areaM2: 80, staged: null });
    expect(resolveStaged(r, () => true)).toMatchObject({ areaM2: 95.5, staged: null });
  });
  it('a record with nothing staged is as stored', () => {
    expect(resolveStaged({ ...room, staged: null }, () => false)).toEqual({ ...room, staged: null });
  });
});
