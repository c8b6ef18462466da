import { communityLabel } from '../../src/utils/roles';

// The home and 我的 headers: a company-wide role is never told it has not joined a community.
describe('where a person works', () => {
  it('names the community when there is one', () => {
    expect(communityLabel({ communityName: '翠湖花园', roles: ['general_manager'] })).toBe('翠湖花园');
  });
  it('says 全公司 for the general manager and the company administrator without a community', () => {
    expect(communityLabel({ communityName: null, roles: ['general_manager'] })).toBe('全公司');
    expect(communityLabel({ communityName: null, roles: ['admin'] })).toBe('全公司');
  });
  it('says 尚未加入小区 for anyone else without one', () => {
    expect(communityLabel({ communityName: null, roles: ['visitor'] })).toBe('尚未加入小区');
    expect(communityLabel({ communityName: null, roles: ['butler'] })).toBe('尚未加入小区');
  });
});
