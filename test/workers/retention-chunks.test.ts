import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { PURGE_CHUNK } from "../../durable-objects/hub-retention.ts";
import { purgeExpiredChats } from "../../workers/lifecycle.ts";
import { api, chat, createBroadcast } from "./helpers.ts";

const chatsIn = (id: string) =>
  runInDurableObject(
    env.BROADCAST_HUB.getByName(id),
    (_hub, state) => state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM chats").one().n,
  );

describe("retention of a long log", () => {
  it("drops the log chunk by chunk from the hub's alarm until none is left; numbering continues", async () => {
    const total = 2 * PURGE_CHUNK + 5000;
    const { id } = await createBroadcast();
    for (let start = 1; start <= total; start += 1000) {
      const chats = Array.from({ length: 1000 }, (_, i) => chat(start + i));
      expect(
        (await api(`/api/broadcasts/${id}/chats`, { method: "POST", body: JSON.stringify({ type: "chats", chats }) }))
          .status,
      ).toBe(200);
    }
    await api(`/api/broadcasts/${id}/end`, { method: "POST" });
    const now = Date.now();
    await env.DB.prepare("UPDATE broadcasts SET ended_at = ? WHERE id = ?")
      .bind(now - 91 * 86_400_000, id)
      .run();

    expect(await purgeExpiredChats(env, now)).toContain(id);
    // The sweep's call dropped one chunk; the rest goes from the hub's own alarm, with nobody calling.
    expect(await chatsIn(id)).toBe(total - PURGE_CHUNK);
    const deadline = Date.now() + 20_000;
    while ((await chatsIn(id)) > 0) {
      if (Date.now() > deadline) throw new Error("the purge stopped before the log was empty");
      await new Promise((r) => setTimeout(r, 200));
    }
    const next = await api(`/api/broadcasts/${id}/chats`, {
      method: "POST",
      body: JSON.stringify({ type: "chats", chats: [chat(total + 1)] }),
    });
    expect(await next.json()).toMatchObject({ accepted: 1, seq: total + 1 });
  }, 60_000);
});
