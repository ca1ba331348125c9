import { useEffect, useMemo } from "preact/hooks";
import { BackLink } from "./back-link.tsx";
import { t } from "./i18n.ts";
import { navigate } from "./route.ts";
import { CaptureStep, CrawlStep } from "./setup-crawl-capture.tsx";
import { NotesStep, ProductsStep } from "./setup-knowledge.tsx";
import { SourceStep } from "./setup-source.tsx";
import { createSetupStore } from "./setup-store.ts";

/**
 * Getting a broadcast ready: load it from Naver (or rehearse without), check and edit what
 * answers will be drafted from, follow the Q&A crawl, then start capturing the chat.
 */
export function SetupView({ broadcastId }: { broadcastId: string }) {
  const store = useMemo(() => createSetupStore(broadcastId), [broadcastId]);
  useEffect(() => {
    void store.start();
    return () => store.stop();
  }, [store]);
  const b = store.broadcast.value;
  return (
    <div class="setup-page">
      <div class="board-head">
        <BackLink />
        <h1 class="board-title">
          {t("setup.title")} · {b?.title ?? broadcastId}
          <span class="muted small mono"> {broadcastId}</span>
        </h1>
        <a
          class="button primary"
          data-testid="setup-to-board"
          href={`#/board/${encodeURIComponent(broadcastId)}`}
          onClick={(e) => {
            e.preventDefault();
            navigate({ page: "board", id: broadcastId });
          }}
        >
          {t("setup.toBoard")}
        </a>
      </div>
      <SourceStep store={store} />
      <NotesStep store={store} />
      <ProductsStep store={store} />
      <CrawlStep store={store} />
      <CaptureStep store={store} />
    </div>
  );
}
