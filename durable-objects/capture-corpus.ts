import { parseLabelledTsv, type LabelledChat } from "../core/simulator/corpus.ts";
import beauty from "../data/chats/beauty.tsv";
import demo from "../data/demo/chat.tsv";
import electronics from "../data/chats/electronics.tsv";
import fashion from "../data/chats/fashion.tsv";
import food from "../data/chats/food.tsv";
import home from "../data/chats/home.tsv";
import kids from "../data/chats/kids.tsv";

let corpus: LabelledChat[] | null = null;
let demoCorpus: LabelledChat[] | null = null;

/**
 * The labelled live-commerce corpus the rehearsal replays, bundled into the Worker as text
 * (wrangler.toml `[[rules]] type = "Text"`). The held-out split stays out: it is the intent
 * model's test set. `demo` is the demo show's chat (data/demo, `npm start`): questions about its
 * products in many wordings. Parsed once per isolate.
 */
export function rehearsalCorpus(kind: "labelled" | "demo" = "labelled"): readonly LabelledChat[] {
  if (kind === "demo") return (demoCorpus ??= parseLabelledTsv(demo).rows);
  corpus ??= [beauty, electronics, fashion, food, home, kids].flatMap((tsv) => parseLabelledTsv(tsv).rows);
  return corpus;
}
