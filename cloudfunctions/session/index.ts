import { defineFunction } from '../_shared/function';
import { sessionHandlers } from './handlers';

export const { main, handle } = defineFunction('session', sessionHandlers);
