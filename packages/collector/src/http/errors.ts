// Errors carry their HTTP status; the app's error handler answers `{ error: message }` with it.
export interface HttpError extends Error {
  statusCode: number;
}

export function httpError(statusCode: number, message: string, cause?: unknown): HttpError {
  return Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { statusCode });
}
