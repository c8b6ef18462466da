import { defineFunction } from '../_shared/function';
import { feeHandlers } from './handlers';

export const { main, handle } = defineFunction('fees', feeHandlers);
