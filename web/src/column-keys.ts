/** What a key does in a chat column (arrow keys move, Enter answers). */
export type ColumnKeyAction =
  | { kind: "move"; index: number }
  | { kind: "column"; direction: -1 | 1 }
  | { kind: "activate" }
  | { kind: "none" };

/** Maps a key to its action for a column of `count` rows with `index` current; `page` rows per PageUp/Down. */
export function columnKeyAction(key: string, index: number, count: number, page: number): ColumnKeyAction {
  const clamp = (i: number) => ({ kind: "move" as const, index: Math.max(0, Math.min(count - 1, i)) });
  switch (key) {
    case "ArrowDown":
    case "j":
      return clamp(index + 1);
    case "ArrowUp":
    case "k":
      return clamp(index - 1);
    case "PageDown":
      return clamp(index + page);
    case "PageUp":
      return clamp(index - page);
    case "Home":
      return clamp(0);
    case "End":
      return clamp(count - 1);
    case "ArrowLeft":
      return { kind: "column", direction: -1 };
    case "ArrowRight":
      return { kind: "column", direction: 1 };
    case "Enter":
    case " ":
      return { kind: "activate" };
    default:
      return { kind: "none" };
  }
}
