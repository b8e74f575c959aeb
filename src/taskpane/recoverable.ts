/**
 * What a React root does with an error it recovered from (by rendering again from scratch): reported to the page
 * like any other error, as its cause, since React's own wrapper says only that it recovered, not from what.
 */
export function reportRecoverable(error: unknown): void {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  globalThis.reportError(cause);
}
