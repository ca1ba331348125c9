import { stemGrams } from "../answers/question-key.ts";
import { meaningKey, meaningSimilarity, questionMeaning, type QuestionMeaning } from "./question-meaning.ts";
import type { ClusterStatus } from "../protocol/board.ts";

/** A group of near-duplicate questions ("asked 37×"), so the manager answers once. */
export interface QuestionCluster {
  id: string;
  /** The meaning's key (question-meaning.ts: aspects, then other content words); the exact-match key. */
  key: string;
  count: number;
  /** The latest wording, shown on the board and drafted for. */
  latest: string;
  latestSeq: number;
  firstAt: number;
  lastAt: number;
  status: ClusterStatus;
}

export interface ClusterOptions {
  /** Clusters kept; the least recently asked go first. */
  maxClusters?: number;
  /** Similarity (0..1, `meaningSimilarity`) at which a question joins a cluster with another key. */
  joinAt?: number;
  /** Most recent clusters remembered per aspect or word: the only ones a new question is compared with. */
  perStem?: number;
}

const TEXT_CACHE_SIZE = 4096;
/** Meanings remembered by text for every index of the isolate (a pure function of the text). */
const MEANING_CACHE_SIZE = 8192;
const meanings = new Map<string, QuestionMeaning>();

/**
 * `questionMeaning`, remembered: reading a meaning (the lexicon scan) is most of what a new
 * question costs, and the same texts come back in every broadcast ("가격?", "배송 언제 와요").
 * Callers only read the meaning, never change it.
 */
function meaningOf(message: string): QuestionMeaning {
  let meaning = meanings.get(message);
  if (meaning === undefined) {
    meaning = questionMeaning(message);
    if (meanings.size >= MEANING_CACHE_SIZE) meanings.delete(meanings.keys().next().value!);
    meanings.set(message, meaning);
  }
  return meaning;
}

interface Signature {
  meaning: QuestionMeaning;
  /** Bigrams of the content words, computed once: comparisons must stay cheap at any rate. */
  grams: Set<string>;
  /** `tokensOf(meaning)`, computed once: every repeat of the question touches them. */
  tokens: readonly string[];
}

/**
 * Groups questions as they stream in, by what they ask (question-meaning.ts), so rewordings
 * that differ in spacing, endings, particles or a synonym meet and different questions about
 * one product stay apart. An exact key match is O(1); otherwise only clusters sharing an
 * aspect or word are compared, so the cost per question stays small at any rate.
 * Map insertion order is the recency order (a touched cluster is re-inserted).
 */
export class ClusterIndex {
  private readonly byKey = new Map<string, QuestionCluster>();
  private readonly textCache = new Map<string, string>();
  private readonly signatures = new Map<string, Signature>();
  /**
   * Per aspect or word, the keys of the clusters that named it most recently, each with the
   * tick it was last named at (at most `perStem`; the oldest go). A repeat only updates its
   * tick: cheaper than moving the key to the end of an ordered set, as this once did.
   */
  private readonly byStem = new Map<string, Map<string, number>>();
  private tick = 0;
  private readonly options: Required<ClusterOptions>;
  private nextId = 1;
  /** The key whose stems were remembered last (so it is the most recent in all of them). */
  private lastTouched: string | undefined;

  constructor(options: ClusterOptions = {}, restored: readonly QuestionCluster[] = []) {
    this.options = { maxClusters: 2000, joinAt: 0.66, perStem: 12, ...options };
    for (const c of [...restored].sort((a, b) => a.lastAt - b.lastAt)) this.insert(upgraded(c));
    this.nextId = 1 + Math.max(0, ...restored.map((c) => Number(c.id.slice(1)) || 0));
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Adds one question; returns the cluster it joined or started. */
  add(chat: { seq: number; message: string; at: number }): QuestionCluster {
    const seen = this.textCache.get(chat.message);
    const cluster = (seen === undefined ? undefined : this.byKey.get(seen)) ?? this.match(chat.message);
    this.cacheText(chat.message, cluster.key);
    const isNew = cluster.count === 0;
    if (isNew) cluster.firstAt = chat.at;
    cluster.count++;
    cluster.latest = chat.message;
    cluster.latestSeq = chat.seq;
    cluster.lastAt = chat.at;
    if (isNew) {
      this.insert(cluster);
      this.evict();
    } else {
      this.touch(cluster);
    }
    return cluster;
  }

  /** The cluster a question belongs to by its words, or a new one (count 0, not yet inserted). */
  private match(message: string): QuestionCluster {
    const meaning = meaningOf(message);
    const empty = meaning.aspects.length === 0 && meaning.words.length === 0;
    const key = empty ? message.trim().toLowerCase() : meaningKey(meaning);
    const found = this.byKey.get(key) ?? (empty ? undefined : this.similar(meaning));
    if (found) return found;
    return {
      id: `c${this.nextId++}`,
      key,
      count: 0,
      latest: message,
      latestSeq: 0,
      firstAt: 0,
      lastAt: 0,
      status: "open",
    };
  }

  /**
   * Live chat repeats itself word for word ("가격?", copied questions): remembering which
   * cluster a text went to skips tokenizing it again. Bounded; oldest texts go first.
   */
  private cacheText(message: string, key: string): void {
    this.textCache.delete(message);
    this.textCache.set(message, key);
    if (this.textCache.size > TEXT_CACHE_SIZE) this.textCache.delete(this.textCache.keys().next().value!);
  }

  get(id: string): QuestionCluster | undefined {
    for (const c of this.byKey.values()) if (c.id === id) return c;
    return undefined;
  }

  /** The existing cluster a question would join, without adding it (undefined: it would start one). */
  find(message: string): QuestionCluster | undefined {
    const meaning = meaningOf(message);
    if (meaning.aspects.length === 0 && meaning.words.length === 0) return this.byKey.get(message.trim().toLowerCase());
    return this.byKey.get(meaningKey(meaning)) ?? this.similar(meaning);
  }

  /** Every cluster, least recently asked first. */
  all(): IterableIterator<QuestionCluster> {
    return this.byKey.values();
  }

  /** The most asked clusters (ties: most recent first). */
  top(n: number): QuestionCluster[] {
    return [...this.byKey.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).slice(0, n);
  }

  private similar(meaning: QuestionMeaning): QuestionCluster | undefined {
    const candidates = new Set<string>();
    for (const token of tokensOf(meaning)) {
      const keys = this.byStem.get(token);
      // Least recently named first: which of equally similar clusters wins depends on this order.
      if (keys) for (const [key] of [...keys].sort((a, b) => a[1] - b[1])) candidates.add(key);
    }
    if (candidates.size === 0) return undefined;
    const grams = stemGrams(meaning.words);
    let best: string | undefined;
    let bestScore = this.options.joinAt;
    for (const key of candidates) {
      const other = this.signatures.get(key);
      if (!other) continue;
      const score = meaningSimilarity(meaning, other.meaning, grams, other.grams);
      if (score >= bestScore) [best, bestScore] = [key, score];
    }
    return best === undefined ? undefined : this.byKey.get(best);
  }

  private insert(c: QuestionCluster): void {
    this.byKey.set(c.key, c);
    const meaning = meaningOfKey(c.key);
    this.signatures.set(c.key, { meaning, grams: stemGrams(meaning.words), tokens: tokensOf(meaning) });
    this.rememberStems(c.key);
  }

  private touch(c: QuestionCluster): void {
    // The cluster touched last is already the most recent everywhere (the common burst of one question).
    if (this.lastTouched === c.key) return;
    this.byKey.delete(c.key);
    this.byKey.set(c.key, c);
    this.rememberStems(c.key);
  }

  /** Marks the key as the most recent of each of its tokens, forgetting the oldest beyond `perStem`. */
  private rememberStems(key: string): void {
    this.lastTouched = key;
    const tick = ++this.tick;
    const signature = this.signatures.get(key);
    for (const stem of signature ? signature.tokens : []) {
      if (!stem) continue;
      let keys = this.byStem.get(stem);
      if (!keys) this.byStem.set(stem, (keys = new Map()));
      keys.set(key, tick);
      if (keys.size > this.options.perStem) keys.delete(oldest(keys));
    }
  }

  private evict(): void {
    while (this.byKey.size > this.options.maxClusters) {
      const oldest = this.byKey.values().next().value!;
      this.byKey.delete(oldest.key);
      const signature = this.signatures.get(oldest.key);
      this.signatures.delete(oldest.key);
      if (this.lastTouched === oldest.key) this.lastTouched = undefined;
      for (const stem of signature ? signature.tokens : []) {
        const keys = this.byStem.get(stem);
        keys?.delete(oldest.key);
        if (keys?.size === 0) this.byStem.delete(stem);
      }
    }
  }
}

/** The key named longest ago. */
function oldest(keys: Map<string, number>): string {
  let found = "";
  let at = Number.POSITIVE_INFINITY;
  for (const [key, tick] of keys) {
    if (tick < at) {
      found = key;
      at = tick;
    }
  }
  return found;
}

/** What candidate clusters are found by: aspects and words (marked apart, a word may spell an aspect). */
function tokensOf(m: QuestionMeaning): string[] {
  return [...m.aspects.map((a) => `@${a}`), ...m.words];
}

/** The meaning a key was made from (`meaningKey`); a key without "|" is a content-free text. */
function meaningOfKey(key: string): QuestionMeaning {
  const bar = key.indexOf("|");
  if (bar < 0) return { aspects: [], words: [] };
  const split = (s: string) => (s ? s.split(" ") : []);
  return { aspects: split(key.slice(0, bar)), words: split(key.slice(bar + 1)) };
}

/** Clusters stored before keys carried meanings (sorted stems) are keyed again from their latest wording. */
function upgraded(c: QuestionCluster): QuestionCluster {
  if (c.key.includes("|")) return c;
  const meaning = questionMeaning(c.latest);
  return meaning.aspects.length || meaning.words.length ? { ...c, key: meaningKey(meaning) } : c;
}
