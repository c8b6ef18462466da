import type { Handlers } from '../_shared/function';
import { holdingHandlers } from './holding';
import { noticeHandlers } from './notice';
import { postingHandlers } from './postings';
import { proposalHandlers } from './proposals';
import { resolutionHandlers } from './resolutions';

/** Meetings with the committee: proposing, holding, minutes, resolutions and seal, committee notices. */
export const meetingHandlers: Handlers<'meetings'> = { ...proposalHandlers, ...holdingHandlers, ...noticeHandlers, ...resolutionHandlers, ...postingHandlers };
