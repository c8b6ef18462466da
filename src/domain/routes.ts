/**
 * The one route table: every page of the app. `src/app.config.ts` builds its pages and subpackages
 * from it, pages navigate with it, and the server writes the `link` of alerts and todos with it.
 *
 * It imports nothing: Taro's loader bundles `app.config.ts` on its own, outside the webpack build,
 * so anything this file pulled in would be loaded in Node at config time.
 */

/** Main package: the tab pages and login. The first one is the page the app opens on. */
const MAIN = {
  home: '/pages/home/index',
  todo: '/pages/todo/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  /** The message centre (消息), every role's: alerts land here first, WeChat only nudges. */
  messages: '/pages/messages/index',
} as const;

/**
 * Subpackages, each under WeChat's size limit (scripts/size.ts): one per role area, and the staff
 * area split by work, so an owner never downloads the staff screens and a butler recording a fee
 * reminder does not wait for the document screens. The key is the folder under `packages/`.
 */
const PACKAGES = {
  owner: {
    bills: '/packages/owner/bills/index',
    bindRoom: '/packages/owner/bind-room/index',
    notices: '/packages/owner/notices/index',
    ask: '/packages/owner/ask/index',
    inquiries: '/packages/owner/inquiries/index',
    inquiry: '/packages/owner/inquiry/index',
  },
  committee: {
    desk: '/packages/committee/index/index',
    documents: '/packages/committee/documents/index',
    document: '/packages/committee/document/index',
    inquiries: '/packages/committee/inquiries/index',
    ask: '/packages/committee/ask/index',
    inquiry: '/packages/committee/inquiry/index',
  },
  /** Documents to the committee: drafting, sign-off record, the archive. */
  'staff-docs': {
    documents: '/packages/staff-docs/documents/index',
    compose: '/packages/staff-docs/compose/index',
    record: '/packages/staff-docs/record/index',
    archive: '/packages/staff-docs/archive/index',
  },
  'staff-inquiries': {
    queue: '/packages/staff-inquiries/queue/index',
    inquiry: '/packages/staff-inquiries/inquiry/index',
  },
  /** Owners' rooms and fees: room bindings to verify, arrears and reminders. */
  'staff-fees': {
    bindings: '/packages/staff-fees/bindings/index',
    arrears: '/packages/staff-fees/arrears/index',
  },
  'staff-work': {
    workbench: '/packages/staff-work/workbench/index',
    calendar: '/packages/staff-work/calendar/index',
    /** 需通报事项: record what must be notified to the committee, see what is still open. */
    events: '/packages/staff-work/events/index',
  },
  /** Meetings, minutes and resolutions for every role (each page shows what the caller's role may do). */
  meetings: {
    quarters: '/packages/meetings/quarters/index',
    proposal: '/packages/meetings/proposal/index',
    meeting: '/packages/meetings/meeting/index',
    resolutions: '/packages/meetings/resolutions/index',
    postings: '/packages/meetings/postings/index',
    notices: '/packages/meetings/notices/index',
  },
  // Onboarding and administration: the company administrators and heads; the join page for invitees.
  admin: {
    home: '/packages/admin/index/index',
    community: '/packages/admin/community/index',
    join: '/packages/admin/join/index',
  },
  /** Fee collection for butlers and the head: arrears, a room's history, payments, unreachable owners, billing. */
  fees: {
    arrears: '/packages/fees/arrears/index',
    room: '/packages/fees/room/index',
    payments: '/packages/fees/payments/index',
    unreachable: '/packages/fees/unreachable/index',
    billing: '/packages/fees/billing/index',
    /** Bills and payments from a spreadsheet (the head), and the payments it could not match (any staff). */
    imports: '/packages/fees/import/index',
  },
  /**
   * Every chart page (one chart library, u-charts, downloaded once): the fee dashboard, the head's
   * inquiry statistics and the general manager's comparison of communities.
   */
  reports: {
    collection: '/packages/reports/collection/index',
    inquiryStats: '/packages/reports/inquiry-stats/index',
    compare: '/packages/reports/compare/index',
  },
} as const;

/** Pages address the staff area as one (`ROUTES.staff.record`); which subpackage holds a page is the table's business. */
export const ROUTES = {
  ...MAIN,
  owner: PACKAGES.owner,
  committee: PACKAGES.committee,
  staff: { ...PACKAGES['staff-docs'], ...PACKAGES['staff-inquiries'], ...PACKAGES['staff-fees'], ...PACKAGES['staff-work'] },
  meetings: PACKAGES.meetings,
  admin: PACKAGES.admin,
  fees: PACKAGES.fees,
  reports: PACKAGES.reports,
} as const;

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];
/** Any page path in the table. */
export type Route = Leaves<typeof ROUTES>;

/** The tab bar's pages: reachable only with switchTab, which drops any query string. */
export const TAB_ROUTES: readonly Route[] = [ROUTES.home, ROUTES.todo, ROUTES.me];

export type Query = Record<string, string | number | boolean | undefined>;

/** A page path with its query: `routeUrl(ROUTES.staff.record, { id, print: 1 })`. Undefined values are left out. */
export function routeUrl(route: Route, query: Query = {}): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${route}?${parts.join('&')}` : route;
}

/** Where the asker opens their own inquiry: committee items live in the committee's pages. */
export function askerInquiryUrl(channel: 'owner' | 'committee', inquiryId: string): string {
  return routeUrl(channel === 'committee' ? ROUTES.committee.inquiry : ROUTES.owner.inquiry, { id: inquiryId });
}

/** The asker's list of inquiries for a channel. */
export function askerInquiriesRoute(channel: 'owner' | 'committee'): Route {
  return channel === 'committee' ? ROUTES.committee.inquiries : ROUTES.owner.inquiries;
}

/**
 * A link written before the staff area was split (`/packages/staff/<page>/index…`, kept in stored
 * alerts and in subscribe messages already sent), or before a chart page moved to `reports`
 * (`/packages/staff-inquiries/inquiry-stats/index`), to where that page lives now; any other link as is.
 */
export function currentLink(link: string): string {
  const m = /^\/?packages\/staff(?:-[\w]+)?\/([\w-]+)\/index(\?.*)?$/.exec(link);
  const moved = m && ([...Object.values(ROUTES.staff), ...Object.values(ROUTES.reports)] as string[]).find((r) => r.endsWith(`/${m[1]}/index`));
  return moved ? `${moved}${m[2] ?? ''}` : link;
}

/** `pages` and `subPackages` of the app config, in the table's order (without the leading slash). */
export function appPages(): { pages: string[]; subPackages: { root: string; pages: string[] }[] } {
  return {
    pages: Object.values(MAIN).map((p) => p.slice(1)),
    subPackages: Object.keys(PACKAGES).map((area) => {
      const root = `packages/${area}`;
      const pages = Object.values(PACKAGES[area as keyof typeof PACKAGES]).map((p: string) => p.slice(root.length + 2));
      return { root, pages };
    }),
  };
}
