import type { ErrorCode } from './errors';

/**
 * The errors a second try can fix: the network, a timeout, someone else's change in between, an
 * earlier attempt still being stored, a passing server failure. Any other answer (not found, invalid
 * input, no permission, a rule) comes back the same, so the error screen offers no 重试 for it.
 */
export const RETRYABLE_CODES: readonly ErrorCode[] = ['NETWORK', 'REQUEST_TIMEOUT', 'CONFLICT', 'REQUEST_IN_PROGRESS', 'INTERNAL'];

export const retryFixes = (code: string): boolean => (RETRYABLE_CODES as readonly string[]).includes(code);
