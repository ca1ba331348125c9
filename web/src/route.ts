import { signal } from "@preact/signals";

/** The dashboard's pages, addressed by the URL hash so any static host can serve them. */
export type Route =
  | { page: "list" }
  | { page: "audit" }
  | { page: "board"; id: string }
  | { page: "setup"; id: string }
  | { page: "report"; id: string };

/** Reads a route from a hash such as `#/board/demo`, `#/setup/demo` or `#/report/demo`; anything else is the list. */
export function parseRoute(hash: string): Route {
  if (hash === "#/audit") return { page: "audit" };
  const match = /^#\/(board|setup|report)\/([^/?#]+)$/.exec(hash);
  if (match?.[1] && match[2]) {
    try {
      return {
        page: match[1] === "board" ? "board" : match[1] === "report" ? "report" : "setup",
        id: decodeURIComponent(match[2]),
      };
    } catch {
      return { page: "list" };
    }
  }
  return { page: "list" };
}

export function routeHash(route: Route): string {
  if (route.page === "list") return "#/";
  if (route.page === "audit") return "#/audit";
  return `#/${route.page}/${encodeURIComponent(route.id)}`;
}

export const route = signal<Route>(parseRoute(location.hash));

/**
 * Keeps `route` in step with back/forward and edited URLs. `beforeRoute` runs first on
 * every change (a pasted `#token=` deep link is consumed before it is read as a route).
 */
export function watchRoute(beforeRoute: () => void = () => {}): void {
  addEventListener("hashchange", () => {
    beforeRoute();
    route.value = parseRoute(location.hash);
  });
  route.value = parseRoute(location.hash);
}

export function navigate(next: Route): void {
  location.hash = routeHash(next);
}
