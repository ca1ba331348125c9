import type { Product } from "../../core/protocol/index.ts";
import { t } from "./i18n.ts";

interface Props {
  query: string;
  onQuery: (query: string) => void;
  products: readonly Product[];
  productKey: string;
  onProduct: (key: string) => void;
  paused: boolean;
  onPause: (paused: boolean) => void;
}

/** Search, product filter and the auto-scroll pause for the whole board. */
export function BoardToolbar(props: Props) {
  return (
    <div class="board-toolbar" role="search">
      <label class="field inline grow">
        <span class="visually-hidden">{t("board.search")}</span>
        <input
          id="board-search"
          data-testid="board-search"
          type="search"
          placeholder={t("board.searchPlaceholder")}
          value={props.query}
          onInput={(e) => props.onQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") props.onQuery("");
          }}
        />
      </label>
      {props.products.length > 0 && (
        <label class="field inline">
          <span class="visually-hidden">{t("board.product")}</span>
          <select
            data-testid="board-product"
            value={props.productKey}
            onChange={(e) => props.onProduct(e.currentTarget.value)}
          >
            <option value="">{t("board.allProducts")}</option>
            {props.products.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        type="button"
        class={`button${props.paused ? " primary" : ""}`}
        data-testid="board-pause"
        aria-pressed={props.paused}
        onClick={() => props.onPause(!props.paused)}
      >
        {props.paused ? t("board.resume") : t("board.pause")}
      </button>
    </div>
  );
}
