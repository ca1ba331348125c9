import { Hono } from "hono";
import type { Health } from "../../core/protocol/api.ts";
import { requireMember } from "../auth.ts";
import { backendNames } from "../../server/backends.ts";
import type { AppContext, AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";

/** True when the request carries a signed-in member's credentials. */
async function isMember(c: AppContext): Promise<boolean> {
  let passed = false;
  try {
    await requireMember(c, async () => {
      passed = true;
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
  }
  return passed;
}

/**
 * Public liveness. Which backend runs behind each interface tells an outsider what to attack,
 * so it is shown to signed-in members only.
 */
export const health = new Hono<AppEnv>().get("/", async (c) =>
  c.json(
    (await isMember(c))
      ? ({ status: "ok", backends: backendNames(c.env) } satisfies Health)
      : ({ status: "ok" } satisfies Health),
  ),
);
