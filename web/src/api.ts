import type * as z from "zod";
import {
  ApiError,
  BroadcastList,
  BroadcastSummary,
  CreatedBroadcast,
  Health,
  type CreateBroadcast,
} from "../../core/protocol/index.ts";
import { signedOut } from "./auth.ts";

/** A failed API call: HTTP status (0 when the server was unreachable) and the server's error code. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.name = "ApiFailure";
  }
}

/**
 * Calls the API with the session cookie and validates the answer (`readAnswer`). A 401 signs
 * the manager out with a notice.
 */
export async function request<T>(schema: z.ZodType<T>, path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: "same-origin" });
  } catch (err) {
    throw new ApiFailure(0, "unreachable", err instanceof Error ? err.message : String(err));
  }
  if (response.status === 401) signedOut("login.unauthorized");
  return readAnswer(schema, path, response);
}

/**
 * An API answer validated against its schema, the one the route's code is checked against
 * (core/protocol/responses.ts and friends): network input is never trusted, and an answer that
 * drifted from it fails here naming the route and the field, not later as `undefined` in the
 * page. A failing status throws the server's error code.
 */
export async function readAnswer<T>(schema: z.ZodType<T>, path: string, response: Response): Promise<T> {
  // 204 has no body (NoContent parses null); any other body that is not JSON fails the schema below.
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = ApiError.safeParse(body);
    const error = parsed.success
      ? parsed.data.error
      : { code: `http_${response.status}`, message: response.statusText };
    throw new ApiFailure(response.status, error.code, error.message);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join(".") || "(body)"}: ${issue.message}` : "";
    throw new ApiFailure(response.status, "bad_response", `the server sent an unexpected answer to ${path} (${where})`);
  }
  return parsed.data;
}

/** A JSON request body with its method. */
export function jsonBody(method: string, body: unknown): RequestInit {
  return { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

export const api = {
  health: () => request(Health, "/api/health"),
  listBroadcasts: () => request(BroadcastList, "/api/broadcasts"),
  getBroadcast: (id: string) => request(BroadcastSummary, `/api/broadcasts/${encodeURIComponent(id)}`),
  createBroadcast: (body: CreateBroadcast) => request(CreatedBroadcast, "/api/broadcasts", jsonBody("POST", body)),
};
