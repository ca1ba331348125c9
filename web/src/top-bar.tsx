import { me, signOut } from "./auth.ts";
import { lang, setLang, t } from "./i18n.ts";
import { navigate } from "./route.ts";

/** Brand, language toggle and sign-out, on every signed-in page. */
export function TopBar() {
  return (
    <header class="top-bar">
      <a
        class="brand"
        href="#/"
        onClick={(e) => {
          e.preventDefault();
          navigate({ page: "list" });
        }}
      >
        <span class="brand-name">{t("app.name")}</span>
        <span class="brand-tagline">{t("app.tagline")}</span>
      </a>
      <div class="top-actions">
        {me.value && (
          <span class="muted small" data-testid="signed-in-as">
            {t("auth.signedInAs", { name: me.value.name, role: t(`role.${me.value.role}`) })}
          </span>
        )}
        {me.value?.role === "owner" && (
          <a
            class="button ghost"
            href="#/audit"
            data-testid="audit-link"
            onClick={(e) => {
              e.preventDefault();
              navigate({ page: "audit" });
            }}
          >
            {t("team.link")}
          </a>
        )}
        <LangToggle />
        <button type="button" class="button ghost" onClick={() => void signOut()}>
          {t("logout")}
        </button>
      </div>
    </header>
  );
}

/** Switches between Korean and English; the choice is remembered. */
export function LangToggle() {
  return (
    <button
      type="button"
      class="button ghost"
      aria-label={t("lang.toggleLabel")}
      lang={lang.value === "ko" ? "en" : "ko"}
      onClick={() => setLang(lang.value === "ko" ? "en" : "ko")}
    >
      {t("lang.toggle")}
    </button>
  );
}
