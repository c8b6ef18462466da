import { defineFunction } from '../_shared/function';
import { feeHandlers } from './handlers';

export const { main, handle } = defineFunction('fees', feeHandlers);
/** Exported for the bundle test: the deployed bundle must find its font beside it and subset it. */
export { slipsPdf } from './slips';
