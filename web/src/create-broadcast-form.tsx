import { useSignal } from "@preact/signals";
import { BroadcastSource, CreateBroadcast } from "../../core/protocol/index.ts";
import { api } from "./api.ts";
import { t } from "./i18n.ts";
import { navigate } from "./route.ts";

/** Title + source (+ Naver URL): creates a broadcast and shows its one-time ingest token. */
export function CreateBroadcastForm({ onCreated }: { onCreated: () => void }) {
  const title = useSignal("");
  const source = useSignal<BroadcastSource>("replay");
  const naverUrl = useSignal("");
  const youtubeVideo = useSignal("");
  const busy = useSignal(false);
  const problem = useSignal<string | null>(null);
  const created = useSignal<{ id: string; ingestToken: string } | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy.value) return;
    const body = CreateBroadcast.safeParse({
      title: title.value,
      source: source.value,
      naverUrl: source.value === "naver" ? naverUrl.value.trim() : undefined,
      youtubeVideoId: source.value === "youtube" ? youtubeVideo.value.trim() : undefined,
    });
    if (!body.success) {
      problem.value = body.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      return;
    }
    busy.value = true;
    problem.value = null;
    try {
      created.value = await api.createBroadcast(body.data);
      title.value = "";
      naverUrl.value = "";
      youtubeVideo.value = "";
      onCreated();
    } catch (err) {
      problem.value = t("error.generic", { message: err instanceof Error ? err.message : String(err) });
    } finally {
      busy.value = false;
    }
  }

  return (
    <section class="panel" aria-labelledby="create-title">
      <h2 id="create-title">{t("create.title")}</h2>
      <form class="create-form" onSubmit={submit}>
        <label class="field grow">
          <span>{t("create.name")}</span>
          <input
            name="title"
            required
            maxLength={200}
            value={title.value}
            onInput={(e) => (title.value = e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t("create.source")}</span>
          <select
            name="source"
            value={source.value}
            onChange={(e) => (source.value = BroadcastSource.catch("replay").parse(e.currentTarget.value))}
          >
            {BroadcastSource.options.map((s) => (
              <option key={s} value={s}>
                {t(`source.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {source.value === "naver" && (
          <label class="field grow">
            <span>{t("create.naverUrl")}</span>
            <input
              name="naverUrl"
              type="url"
              required
              inputMode="url"
              placeholder="https://view.shoppinglive.naver.com/lives/…"
              value={naverUrl.value}
              onInput={(e) => (naverUrl.value = e.currentTarget.value)}
            />
          </label>
        )}
        {source.value === "youtube" && (
          <label class="field grow">
            <span>{t("youtube.videoLabel")}</span>
            <input
              name="youtubeVideoId"
              required
              maxLength={500}
              placeholder="https://www.youtube.com/watch?v=…"
              title={t("youtube.videoHint")}
              value={youtubeVideo.value}
              onInput={(e) => (youtubeVideo.value = e.currentTarget.value)}
            />
          </label>
        )}
        <button type="submit" class="button primary" disabled={busy.value}>
          {busy.value ? t("create.creating") : t("create.submit")}
        </button>
      </form>
      {problem.value && (
        <p class="notice error" role="alert">
          {problem.value}
        </p>
      )}
      {created.value && (
        <div class="notice ok" role="status">
          <p>{t("create.done", { id: created.value.id, token: created.value.ingestToken })}</p>
          <button
            type="button"
            class="button primary small"
            data-testid="create-continue"
            onClick={() => navigate({ page: "setup", id: created.value!.id })}
          >
            {t("create.continue")}
          </button>
        </div>
      )}
    </section>
  );
}
