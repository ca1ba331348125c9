import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./env.ts";
import { errorBody } from "./errors.ts";

/**
 * Request body limits in bytes, by what a route takes. Chat batches are the largest (up to
 * 1,000 chats; a client with more splits the batch); knowledge edits hold up to 200 note lines
 * of Korean text; everything else is a small JSON object.
 */
export const BODY_LIMITS = {
  chats: 1024 * 1024,
  knowledge: 512 * 1024,
  default: 32 * 1024,
} as const;

function tooLarge(max: number) {
  return bodyLimit({
    maxSize: max,
    onError: (c) => c.json(errorBody("payload_too_large", `the request body is larger than ${max} bytes`), 413),
  });
}

const limiters = {
  chats: tooLarge(BODY_LIMITS.chats),
  knowledge: tooLarge(BODY_LIMITS.knowledge),
  default: tooLarge(BODY_LIMITS.default),
};

/** Which limit a path falls under. */
export function bodyLimitKind(path: string): keyof typeof BODY_LIMITS {
  if (/^\/api\/broadcasts\/[^/]+\/chats$/.test(path)) return "chats";
  if (/^\/api\/broadcasts\/[^/]+\/(knowledge|products\/[^/]+(\/details)?|benefits|qna(\/[^/]+)?)$/.test(path))
    return "knowledge";
  return "default";
}

/**
 * Every API route: a body over its limit is refused with 413 before anything reads it (by
 * its Content-Length, or while streaming when there is none), so nobody can make the Worker
 * buffer megabytes.
 */
export const limitBodies: MiddlewareHandler<AppEnv> = (c, next) => limiters[bodyLimitKind(c.req.path)](c, next);
