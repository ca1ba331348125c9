import { t } from "./i18n.ts";
import { navigate } from "./route.ts";

/** "← 방송 목록": back to the broadcast list without a page load. */
export function BackLink() {
  return (
    <a
      class="back-link"
      href="#/"
      onClick={(e) => {
        e.preventDefault();
        navigate({ page: "list" });
      }}
    >
      {t("board.back")}
    </a>
  );
}
