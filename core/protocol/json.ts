/** JSON text parsed, or undefined when the frame is not text or not JSON: sockets never throw on bad input. */
export function parseJsonText(data: unknown): unknown {
  if (typeof data !== "string") return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
