import { Hono } from "hono";
import type { Health } from "../../core/protocol/api.ts";
import { backendNames } from "../backends.ts";
import type { AppEnv } from "../env.ts";

/** Public liveness and which backend runs behind each interface. */
export const health = new Hono<AppEnv>().get("/", (c) =>
  c.json({ status: "ok", backends: backendNames(c.env) } satisfies Health),
);
