import * as fs from 'fs';
import * as path from 'path';
import { appPages, askerInquiriesRoute, askerInquiryUrl, currentLink, routeUrl, ROUTES, TAB_ROUTES, type Route } from '@domain/routes';
import { findInCode, ROOT, sourceFiles } from '../../helpers/source-scan';

const leaves = (node: unknown): string[] => (typeof node === 'string' ? [node] : Object.values(node as object).flatMap(leaves));
const allRoutes = leaves(ROUTES);

describe('the route table', () => {
  it('names every page file once, and every page file has a route', () => {
    const pageFiles = sourceFiles('src/pages', 'src/packages')
      .filter((f) => f.endsWith('/index.tsx'))
      .map((f) => `/${f.slice('src/'.length, -'.tsx'.length)}`);
    expect(new Set(allRoutes).size).toBe(allRoutes.length);
    expect([...allRoutes].sort()).toEqual(pageFiles.sort());
    for (const r of allRoutes) expect(fs.existsSync(path.join(ROOT, 'src', `${r}.config.ts`))).toBe(true);
  });

  it('gives the app config every route once, home first, each subpackage under its root', () => {
    const { pages, subPackages } = appPages();
    expect(pages[0]).toBe('pages/home/index');
    const configured = [...pages.map((p) => `/${p}`), ...subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`))];
    expect(configured.sort()).toEqual([...allRoutes].sort());
    expect(subPackages.map((s) => s.root)).toEqual([
      'packages/owner',
      'packages/committee',
      'packages/staff-docs',
      'packages/staff-inquiries',
      'packages/staff-fees',
      'packages/staff-work',
      'packages/meetings',
      'packages/admin',
      'packages/fees',
      'packages/reports',
    ]);
    for (const tab of TAB_ROUTES) expect(pages).toContain(tab.slice(1));
  });

  it('builds a URL with its query, leaving out undefined values and escaping the rest', () => {
    expect(routeUrl(ROUTES.staff.record, { id: 'doc_1', print: 1 })).toBe('/packages/staff-docs/record/index?id=doc_1&print=1');
    expect(routeUrl(ROUTES.staff.compose, { id: undefined })).toBe('/packages/staff-docs/compose/index');
    expect(routeUrl(ROUTES.owner.inquiry, { q: 'a&b=c' })).toBe('/packages/owner/inquiry/index?q=a%26b%3Dc');
  });

  it('keeps every staff page when the area is split into subpackages, each page under its own root', () => {
    const staff = Object.values(ROUTES.staff);
    expect(staff).toHaveLength(11);
    const { subPackages } = appPages();
    const staffPages = subPackages.filter((s) => s.root.startsWith('packages/staff-')).flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`));
    expect(staffPages.sort()).toEqual([...staff].sort());
  });

  it('opens a link written before the split where the page lives now, query kept; other links as they are', () => {
    expect(currentLink('/packages/staff/record/index?id=doc_1')).toBe(routeUrl(ROUTES.staff.record, { id: 'doc_1' }));
    expect(currentLink('packages/staff/inquiry-stats/index')).toBe(ROUTES.reports.inquiryStats);
    expect(currentLink('/packages/staff-inquiries/inquiry-stats/index?m=1')).toBe(`${ROUTES.reports.inquiryStats}?m=1`);
    expect(currentLink('/packages/staff/workbench/index')).toBe(ROUTES.staff.workbench);
    expect(currentLink(routeUrl(ROUTES.staff.archive, { seq: 7 }))).toBe(routeUrl(ROUTES.staff.archive, { seq: 7 }));
    expect(currentLink('/packages/staff/nowhere/index')).toBe('/packages/staff/nowhere/index');
    expect(currentLink(ROUTES.owner.bills)).toBe(ROUTES.owner.bills);
  });

  it("sends an asker to their own channel's pages", () => {
    expect(askerInquiryUrl('committee', 'inq_1')).toBe('/packages/committee/inquiry/index?id=inq_1');
    expect(askerInquiryUrl('owner', 'inq_1')).toBe('/packages/owner/inquiry/index?id=inq_1');
    expect(askerInquiriesRoute('committee')).toBe(ROUTES.committee.inquiries);
    expect(askerInquiriesRoute('owner')).toBe(ROUTES.owner.inquiries);
  });

  it('is the only place a page path is written, in the app and on the server', () => {
    const files = sourceFiles('src', 'cloudfunctions').filter((f) => f !== 'src/domain/routes.ts');
    expect(findInCode(files, /['"`]\/?(pages|packages)\/[\w-]+\/[\w-]+/)).toEqual([]);
  });

  it('types a route: a made-up path does not compile', () => {
    // @ts-expect-error not a page of the app
    const wrong: Route = '/packages/owner/nowhere/index';
    expect(allRoutes).not.toContain(wrong);
  });
});
