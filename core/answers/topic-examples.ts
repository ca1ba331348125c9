import data from "../../data/answer-models/topic-examples.json" with { type: "json" };
import type { Topic } from "./topics.ts";

/**
 * Labelled sentences for the nearest-neighbour topic model: how viewers ask (ask) and how
 * knowledge lines state it (line), per topic. The sentences are data, written for LiveQ and
 * edited by hand in data/answer-models/topic-examples.json (versioned; see its README);
 * esbuild inlines the file in the Worker as it does the lexicon.
 */
interface TopicExamplesFile {
  version: string;
  topics: Record<string, { about: string; ask: string[]; line: string[] }>;
}

const file = data as TopicExamplesFile;

export const TOPIC_EXAMPLES_VERSION: string = file.version;

export const TOPIC_EXAMPLES: Record<Topic, { ask: readonly string[]; line: readonly string[] }> = Object.fromEntries(
  Object.entries(file.topics).map(([topic, { ask, line }]) => [topic, { ask, line }]),
) as unknown as Record<Topic, { ask: readonly string[]; line: readonly string[] }>;
