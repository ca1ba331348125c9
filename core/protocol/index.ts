export * from "./intent.ts";
export * from "./limits.ts";
export * from "./ingest.ts";
export * from "./board.ts";
export * from "./api.ts";
export * from "./viewer.ts";
export * from "./json.ts";
export * from "./responses.ts";
