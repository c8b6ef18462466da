import { defineFunction } from '../_shared/function';
import { meetingHandlers } from './handlers';

export const { main, handle } = defineFunction('meetings', meetingHandlers);
