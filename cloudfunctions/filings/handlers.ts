import type { Handlers } from '../_shared/function';
import { composeHandlers } from './compose';
import { deliveryHandlers } from './deliveries';
import { readingHandlers } from './reading';
import { recordPdf } from './record-pdf';

/** Written delivery to the committee: composing and sending, signing for it, and the record it leaves. */
export const filingHandlers: Handlers<'filings'> = { ...composeHandlers, ...deliveryHandlers, ...readingHandlers, recordPdf };
