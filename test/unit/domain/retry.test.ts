import { ERROR_MESSAGES, type ErrorCode } from '@domain/errors';
import { RETRYABLE_CODES, retryFixes } from '@domain/retry';

describe('which errors a retry can fix', () => {
  it('offers a retry for the network, a timeout, a conflict, a request still in progress and a passing server failure', () => {
    for (const code of ['NETWORK', 'REQUEST_TIMEOUT', 'CONFLICT', 'REQUEST_IN_PROGRESS', 'INTERNAL']) expect(retryFixes(code)).toBe(true);
  });

  it('offers none for answers that would come back the same', () => {
    for (const code of [
      'NOT_FOUND',
      'INVALID_INPUT',
      'FORBIDDEN',
      'UNAUTHENTICATED',
      'INQUIRY_CLOSED',
      'DOCUMENT_NOT_DRAFT',
      'PAYLOAD_TOO_LARGE',
      'no_such_code',
    ])
      expect(retryFixes(code)).toBe(false);
  });

  it('names only codes of the catalogue, each with a message the error screen can match', () => {
    const codes = Object.keys(ERROR_MESSAGES) as ErrorCode[];
    expect(RETRYABLE_CODES.every((c) => codes.includes(c))).toBe(true);
    expect(codes.filter(retryFixes).sort()).toEqual([...RETRYABLE_CODES].sort());
  });
});
