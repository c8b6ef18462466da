import { defineFunction } from '../_shared/function';
import { inquiryHandlers } from './handlers';

export const { main, handle } = defineFunction('inquiries', inquiryHandlers);
