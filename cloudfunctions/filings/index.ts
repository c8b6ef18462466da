import { defineFunction } from '../_shared/function';
import { filingHandlers } from './handlers';

export const { main, handle } = defineFunction('filings', filingHandlers);
