import * as z from "zod";
import { IdLike, OptionalNumber, OptionalText, parseEach } from "./tolerant.ts";
import { NaverProduct, type NaverProduct as Product } from "./products.ts";

const LIVE_STATUSES = new Set(["ONAIR", "OPEN", "STAND_BY", "SCHEDULED", "READY"]);
const ENDED_STATUSES = new Set(["END", "REPLAY", "BLOCK", "FINISHED", "CLOSE", "STOP"]);

/** The broadcast detail (viewer API, and `window.__viewerConfig.broadcast` in the page). */
export const NaverBroadcastDetail = z.object({
  id: IdLike,
  title: z.string().catch(""),
  description: OptionalText.catch(null),
  status: OptionalText.catch(null),
  startDate: OptionalText.catch(null),
  endDate: OptionalText.catch(null),
  expectedStartDate: OptionalText.catch(null),
  standByImage: OptionalText.catch(null),
  nickname: OptionalText.catch(null),
  broadcastEndUrl: OptionalText.catch(null),
  broadcastReplayEndUrl: OptionalText.catch(null),
  productCount: OptionalNumber.catch(null),
  shoppingProducts: z.unknown(),
});

/** Broadcast detail with its embedded products parsed one by one. */
export type NaverBroadcast = Omit<z.output<typeof NaverBroadcastDetail>, "shoppingProducts"> & {
  products: Product[];
  malformedProducts: number;
  phase: "live" | "ended" | "unknown";
};

/** Parses the detail; null when it has no id (not a broadcast at all). */
export function parseBroadcastDetail(value: unknown): NaverBroadcast | null {
  const parsed = NaverBroadcastDetail.safeParse(value);
  if (!parsed.success) return null;
  const { shoppingProducts, ...detail } = parsed.data;
  const products = parseEach(NaverProduct, shoppingProducts);
  return { ...detail, products: products.items, malformedProducts: products.malformed, phase: phaseOf(detail.status) };
}

/** Whether a Naver status means the broadcast is (about to be) live, over, or unknown. */
export function phaseOf(status: string | null): NaverBroadcast["phase"] {
  if (status && LIVE_STATUSES.has(status)) return "live";
  if (status && ENDED_STATUSES.has(status)) return "ended";
  return "unknown";
}

const VIEWER_CONFIG = /window\.__viewerConfig\.broadcast\s*=\s*'((?:[^'\\]|\\.)*)'/;

/**
 * The broadcast JSON the viewer page embeds as `window.__viewerConfig.broadcast = '<json>'`
 * (a single-quoted JS string), decoded; undefined when absent or not JSON.
 */
export function extractViewerConfig(html: string): unknown {
  const match = VIEWER_CONFIG.exec(html);
  if (!match) return undefined;
  try {
    return JSON.parse(unescapeJsString(match[1]!)) as unknown;
  } catch {
    return undefined;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", v: "\v", "0": "\0" };

/** Undoes JS single-quoted string escapes (`\'`, `\\`, `\n`, `\xHH`, `\uHHHH`). */
export function unescapeJsString(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, esc: string) => {
    if (esc.startsWith("u{")) return String.fromCodePoint(parseInt(esc.slice(2, -1), 16));
    if (esc.length > 1) return String.fromCharCode(parseInt(esc.slice(1), 16));
    return SIMPLE_ESCAPES[esc] ?? esc;
  });
}

/** The inverse of `unescapeJsString`, for pages (the fixture) that embed JSON this way. */
export function escapeJsString(text: string): string {
  return text.replace(/[\\'\n\r\u2028\u2029<]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
