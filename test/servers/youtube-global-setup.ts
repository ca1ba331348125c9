/**
 * globalSetup of the workers-youtube project (Node side): the local YouTube Data API and
 * OAuth token server (youtube-server.ts), its URL provided for the Worker's bindings.
 */
import type { TestProject } from "vitest/node";
import { startYouTubeServer } from "./youtube-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the local YouTube Data API and OAuth token endpoint. */
    youtubeUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const youtube = await startYouTubeServer();
  project.provide("youtubeUrl", youtube.url);
  return () => youtube.close();
}
