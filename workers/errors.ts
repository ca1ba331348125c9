import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ApiError } from "../core/protocol/api.ts";

/** An error whose code and message are safe to show to the client. */
export class AppError extends Error {
  readonly code: string;
  readonly status: ContentfulStatusCode;
  constructor(code: string, status: ContentfulStatusCode, publicMessage: string) {
    super(publicMessage);
    this.code = code;
    this.status = status;
  }
}

export function errorBody(code: string, message: string): ApiError {
  return { error: { code, message } };
}

/** The one error handler: structured log, `{error:{code,message}}`, never a stack. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof AppError) return c.json(errorBody(err.code, err.message), err.status);
  if (err instanceof HTTPException) {
    return c.json(errorBody(codeForStatus(err.status), err.message || "request failed"), err.status);
  }
  console.error(JSON.stringify({ level: "error", path: c.req.path, name: err.name, message: err.message }));
  return c.json(errorBody("internal", "internal error"), 500);
}

function codeForStatus(status: number): string {
  if (status === 400) return "bad_request";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  return "error";
}
