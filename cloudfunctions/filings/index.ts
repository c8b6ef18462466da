import { defineFunction } from '../_shared/function';
import { filingHandlers } from './handlers';

export const { main, handle } = defineFunction('filings', filingHandlers);
/** Exported for the bundle test: the deployed bundle must find its font beside it and subset it. */
export { recordPdfBytes } from './record-pdf';
