import { defineFunction } from '../_shared/function';
import { workbenchHandlers } from './handlers';

export const { main, handle } = defineFunction('workbench', workbenchHandlers);
