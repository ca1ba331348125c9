import * as z from "zod";
import type { ListCursor } from "../server/db/queries.ts";

const CURSOR = /^(\d{1,15})\.([a-z0-9][a-z0-9-]{0,63})$/;

/** `GET /api/broadcasts?limit=&cursor=`: at most 200 a page (default 50); `cursor` is a previous page's `nextCursor`. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(CURSOR, "invalid cursor").optional(),
});

/** The cursor after a row: its creation time and id (ids break ties), as `<createdAt>.<id>`. */
export function formatCursor(cursor: ListCursor): string {
  return `${cursor.createdAt}.${cursor.id}`;
}

/** A cursor the query schema has validated. */
export function parseCursor(text: string): ListCursor {
  const [, createdAt, id] = CURSOR.exec(text)!;
  return { createdAt: Number(createdAt), id: id! };
}
