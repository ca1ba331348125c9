import { useSignal } from "@preact/signals";
import { loginNotice, signIn, SignInFailure } from "./auth.ts";
import { t, type MessageKey } from "./i18n.ts";
import { LangToggle } from "./top-bar.tsx";

/** Asks for a sign-in token (a member's, or ADMIN_TOKEN) and exchanges it for a session cookie. */
export function LoginScreen() {
  const value = useSignal("");
  const busy = useSignal(false);
  const problem = useSignal<MessageKey | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    const candidate = value.value.trim();
    if (!candidate || busy.value) return;
    busy.value = true;
    problem.value = null;
    try {
      await signIn(candidate);
      value.value = "";
    } catch (err) {
      const status = err instanceof SignInFailure ? err.status : 0;
      problem.value = status === 401 || status === 403 ? "login.unauthorized" : "login.unreachable";
    } finally {
      busy.value = false;
    }
  }

  const notice = problem.value ?? loginNotice.value;
  return (
    <main class="login">
      <div class="login-lang">
        <LangToggle />
      </div>
      <form class="login-card" onSubmit={submit}>
        <h1 class="login-brand">{t("app.name")}</h1>
        <p class="muted">{t("app.tagline")}</p>
        <h2>{t("login.title")}</h2>
        <p class="muted">{t("login.hint")}</p>
        <label class="field">
          <span>{t("login.token")}</span>
          <input
            data-testid="login-token"
            type="password"
            autoComplete="current-password"
            spellcheck={false}
            required
            value={value.value}
            onInput={(e) => (value.value = e.currentTarget.value)}
            aria-invalid={notice === "login.unauthorized"}
            aria-describedby={notice ? "login-notice" : undefined}
          />
        </label>
        {notice && (
          <p id="login-notice" class="notice error" role="alert">
            {t(notice)}
          </p>
        )}
        <button data-testid="login-submit" type="submit" class="button primary" disabled={busy.value}>
          {busy.value ? t("login.checking") : t("login.submit")}
        </button>
      </form>
    </main>
  );
}
