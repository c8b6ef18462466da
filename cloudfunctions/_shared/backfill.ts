import type { WorkingCalendar } from '@domain/calendar';
import { contentIndexFields, opinionNextActionAt, type CommitteeDocument } from '@domain/documents';
import { inquiryNextActionAt, type Inquiry } from '@domain/inquiry';
import type { EpochMs } from '@domain/model';
import { searchTerms } from '@domain/search';
import { deliveryFlags, deliveryNextActionAt, type Delivery } from '@domain/signoff';
import { taskNextActionAt, type ObligationRecord } from '@domain/workbench';
import type { ArchiveEntry } from '@domain/archive';
import { loadCalendar } from './calendar';
import type { Runtime } from './runtime';
import type { CollectionName, RecordOf } from './storage/collections';
import { rawStorage, type Page, type Query } from './storage/port';
import { SWEEP_BATCH, SWEEP_BUDGET_MS, type Sweep } from './sweep';

const PAGE = 100;

type Filled = 'inquiries' | 'documents' | 'obligations' | 'deliveries' | 'archive';

/**
 * What a record written before the stored search terms, document categories, next-action moments and delivery flags
 * existed lacks, computed by the same domain functions the write paths use. `marker` is the field
 * whose absence says "not filled yet" (every filled record gets it, null included), so the records
 * still to do are an indexed query and a filled record never matches it again.
 */
interface Filler<C extends Filled> {
  collection: C;
  marker: string;
  /** Per community where the marker's index starts with the community. */
  perCommunity?: boolean;
  fill(records: Array<RecordOf<C>>, env: { calendar: WorkingCalendar; rt: Runtime }): Promise<Array<Partial<RecordOf<C>>>>;
}

/** The list's text and category filters read these; an opinion request has no category, so none is stored. */
function documentIndexFields(d: CommitteeDocument): Partial<CommitteeDocument> {
  const { category, words } = contentIndexFields(d.content);
  return category === undefined ? { words } : { category, words };
}

const FILLERS: Array<Filler<Filled>> = [
  {
    collection: 'inquiries',
    marker: 'nextActionAt',
    fill: async (rs, { calendar }) =>
      (rs as Inquiry[]).map((r) => ({ nextActionAt: inquiryNextActionAt(r, calendar), ...(r.words ? {} : { words: searchTerms(r.text) }) })),
  },
  {
    collection: 'inquiries',
    marker: 'words',
    perCommunity: true,
    fill: async (rs) => (rs as Inquiry[]).map((r) => ({ words: searchTerms(r.text) })),
  },
  {
    collection: 'documents',
    marker: 'nextActionAt',
    fill: async (rs, { calendar }) =>
      (rs as CommitteeDocument[]).map((d) => ({
        nextActionAt: !d.supersededBy && d.status === 'sent' ? opinionNextActionAt(d, calendar) : null,
        ...(d.words ? {} : documentIndexFields(d)),
      })),
  },
  {
    collection: 'documents',
    marker: 'words',
    perCommunity: true,
    fill: async (rs) => (rs as CommitteeDocument[]).map(documentIndexFields),
  },
  {
    collection: 'obligations',
    marker: 'nextActionAt',
    fill: async (rs, { calendar }) => (rs as ObligationRecord[]).map((t) => ({ nextActionAt: taskNextActionAt(t, calendar) })),
  },
  {
    collection: 'deliveries',
    marker: 'nextActionAt',
    fill: async (rs, { rt }) => {
      const ds = rs as Delivery[];
      const docIds = [...new Set(ds.map((d) => d.documentId))];
      const docs = await rt.store.find('documents', { _id: { $in: docIds } });
      const superseded = new Set(docs.filter((d) => d.supersededBy).map((d) => d._id));
      return ds.map((d) => ({ ...deliveryFlags(d, superseded.has(d.documentId)), nextActionAt: deliveryNextActionAt(d) }));
    },
  },
  {
    collection: 'archive',
    marker: 'words',
    perCommunity: true,
    fill: async (rs) => (rs as ArchiveEntry[]).map((e) => ({ words: searchTerms(`${e.title}\n${e.text}`) })),
  },
] as Array<Filler<Filled>>;

/**
 * Fills in the derived fields of records written before they existed, hourly from the timer until
 * none is left: at most SWEEP_BATCH records or SWEEP_BUDGET_MS per run, over every collection in
 * turn. Filled records leave the "marker missing" query, so that query is where the next run resumes;
 * a record changed meanwhile (its version moved) is left for the next run. Running it again changes
 * nothing: every value is a function of the record. Raises no alert itself: a next-action moment it
 * sets in the past is then met by that feature's own sweep, which decides as it always does.
 */
export const backfillSweep: Sweep = async (rt, now) => {
  await backfill(rt, now);
  return { alertsCreated: 0, escalated: 0 };
};

export async function backfill(rt: Runtime, now: EpochMs): Promise<{ filled: number; more: boolean }> {
  const store = rawStorage(rt.store);
  const started = performance.now();
  const calendar = await loadCalendar(rt.store);
  let filled = 0;
  const communities = (await rt.store.find('communities', {})).map((c) => c._id);
  // A field once filled everywhere stays filled (every write path sets it): its "missing" query,
  // which walks the index entries of every record holding null there, is not made again.
  const markOf = (f: Filler<Filled>): string => `${f.collection}.${f.marker}`;
  const done = new Set((await rt.store.find('backfills', { _id: { $in: FILLERS.map(markOf) } })).map((m) => m._id));
  for (const filler of FILLERS) {
    const markId = markOf(filler);
    if (done.has(markId)) continue;
    const scopes: Query[] = filler.perCommunity ? communities.map((communityId) => ({ communityId })) : [{}];
    let complete = true;
    for (const scope of scopes) {
      let after: string | null = null;
      for (;;) {
        const left = SWEEP_BATCH - filled;
        if (left <= 0 || performance.now() - started > SWEEP_BUDGET_MS) return { filled, more: true };
        const where: Query = { ...scope, [filler.marker]: { $exists: false } };
        const page: Page<RecordOf<CollectionName> & { _id: string; version: number }> = await store.page(filler.collection, where, {
          limit: Math.min(PAGE, left),
          after,
        });
        const patches = await filler.fill(page.items as never, { calendar, rt });
        for (const [i, r] of page.items.entries()) {
          // A lost race: someone wrote the record since; its next run sees the fresh version.
          if (await store.update(filler.collection, r._id, r.version, patches[i]! as object)) filled++;
          else complete = false;
        }
        if (page.items.length) complete = false; // marked on a run that finds nothing left
        if (!page.next) break;
        after = page.next;
      }
    }
    if (complete) await rt.store.insertIfAbsent('backfills', { _id: markId, doneAt: now });
  }
  return { filled, more: false };
}
