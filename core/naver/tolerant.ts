import * as z from "zod";

/** Items that passed their schema, and how many did not. */
export interface Parsed<T> {
  items: T[];
  malformed: number;
}

/**
 * Validates each element on its own so that one bad item is counted and skipped without
 * losing the others. A value that is not an array counts as one malformed item.
 */
export function parseEach<S extends z.ZodType>(schema: S, value: unknown): Parsed<z.output<S>> {
  if (value === undefined || value === null) return { items: [], malformed: 0 };
  if (!Array.isArray(value)) return { items: [], malformed: 1 };
  const items: z.output<S>[] = [];
  let malformed = 0;
  for (const item of value) {
    const parsed = schema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
    else malformed++;
  }
  return { items, malformed };
}

/** A number that may arrive as digits in a string (ids, prices in some payloads). */
export const NumberLike = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** An id that may be a number or a string; always a string after parsing. */
export const IdLike = z.union([z.string().min(1), z.number()]).transform(String);

/** Optional nullable text: missing and null both become null. */
export const OptionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

/** Optional nullable number (or digits): missing and null both become null. */
export const OptionalNumber = NumberLike.nullish().transform((v) => v ?? null);
