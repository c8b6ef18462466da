import { defineFunction } from '../_shared/function';
import { adminHandlers } from './handlers';

export const { main, handle } = defineFunction('admin', adminHandlers);
