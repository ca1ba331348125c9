import { buildCatalogue } from "./catalogue.ts";
import { ChatStream } from "./chat-stream.ts";
import { naverApiRoutes, type FixtureApiBroadcast } from "./routes.ts";

/**
 * The fixture's API over one broadcast whose chat barely moves (one greeting a second, no
 * bursts, notices or product changes): for tests that read the catalogue and Q&A, not the
 * stream. `hits` counts requests per endpoint, so a test can say how many pages were read.
 */
export function quietFixtureSite(naverId: string) {
  const catalogue = buildCatalogue(naverId, 42);
  const stream = new ChatStream({
    corpus: [{ label: "general", text: "안녕하세요" }],
    ratePerSec: 1,
    seed: 1,
    startCommentNo: 1,
    bursts: false,
    tickMs: 1000,
    noticeEverySec: 0,
    productChangeEverySec: 0,
    products: catalogue.products,
  });
  const broadcast: FixtureApiBroadcast = { catalogue, stream };
  const hits = new Map<string, number>();
  return { catalogue, hits, routes: naverApiRoutes(() => broadcast, hits) };
}
