import { createCalendar } from '@domain/calendar';
import { opinionNextActionAt, type CommitteeDocument } from '@domain/documents';
import { inquiryNextActionAt, type Inquiry } from '@domain/inquiry';
import { searchTerms } from '@domain/search';
import { deliveryFlags, type Delivery } from '@domain/signoff';
import { taskNextActionAt, type ObligationRecord } from '@domain/workbench';
import type { CollectionName, RecordOf } from '../../cloudfunctions/_shared/storage/collections';

const calendar = createCalendar();

/**
 * The fields the app derives when it writes a record, applied to the bench's bulk records with the
 * same domain functions, as of the previous hourly sweep (`sweptAt`): they look exactly like records
 * the API wrote and the sweep has since seen.
 */
export function derive<C extends CollectionName>(collection: C, record: RecordOf<C>, sweptAt: number): RecordOf<C> {
  switch (collection) {
    case 'inquiries': {
      const r = record as Inquiry;
      return { ...r, words: searchTerms(r.text), nextActionAt: inquiryNextActionAt(r, calendar, sweptAt) } as RecordOf<C>;
    }
    case 'documents': {
      const r = record as CommitteeDocument;
      return { ...r, nextActionAt: opinionNextActionAt(r, calendar, sweptAt) } as RecordOf<C>;
    }
    case 'obligations': {
      const r = record as ObligationRecord;
      return { ...r, nextActionAt: taskNextActionAt(r, calendar, sweptAt) } as RecordOf<C>;
    }
    case 'deliveries': {
      // The chase clears a delivery's next action once it is no longer pending (filings/chase.ts).
      const r = record as Delivery;
      return { ...r, ...deliveryFlags(r, false), nextActionAt: r.signStatus === 'PENDING' ? r.nextActionAt : null } as RecordOf<C>;
    }
    default:
      return record;
  }
}
