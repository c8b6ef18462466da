import { AppError, type ErrorCode } from '@domain/errors';

/** The catalogue code a domain call refuses with, or null when it does not throw; anything else propagates. */
export function codeOf(fn: () => unknown): ErrorCode | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

/** Asserts a domain call refuses with exactly this catalogue code. */
export function expectAppError(fn: () => unknown, code: ErrorCode): void {
  expect(codeOf(fn)).toBe(code);
}
