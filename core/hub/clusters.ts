import { bareAspect, isValueWord, meaningKey, type QuestionMeaning } from "./question-meaning.ts";
import {
  gramWeight,
  pairFeatures,
  questionProfile,
  differentQuestions,
  type QuestionProfile,
} from "./pair-features.ts";
import { pairScore, shippedPairModel, type PairModel } from "./pair-model.ts";
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
  /** Probability of "same question" (the pair model's) at which a question joins a cluster with another key. */
  joinAt?: number;
  /** Most recent clusters remembered per aspect or word: the only ones a new question is compared with. */
  perStem?: number;
  /** The learned "same question" scorer (data/clusters/pair-model-v1.json by default). */
  model?: PairModel;
  /** Clusters scored per question at most: those sharing the most aspects, words and letter pairs with it. */
  candidates?: number;
  /** Distinct wordings a cluster is compared by (its first ones): a grown cluster meets more rewordings. */
  exemplars?: number;
}

const TEXT_CACHE_SIZE = 4096;
/** Profiles remembered by text for every index of the isolate (a pure function of the text). */
const PROFILE_CACHE_SIZE = 8192;
const profiles = new Map<string, QuestionProfile>();

/**
 * `questionProfile`, remembered: reading a meaning (the lexicon scan) is most of what a new
 * question costs, and the same texts come back in every broadcast ("가격?", "배송 언제 와요").
 * Callers only read the profile, never change it.
 */
function profileOf(message: string): QuestionProfile {
  let profile = profiles.get(message);
  if (profile === undefined) {
    profile = questionProfile(message);
    if (profiles.size >= PROFILE_CACHE_SIZE) profiles.delete(profiles.keys().next().value!);
    profiles.set(message, profile);
  }
  return profile;
}
/** Words counted for their weight; past this the counts start again (a long broadcast drifts anyway). */
const WORD_COUNTS_SIZE = 20_000;

interface Signature {
  /** The profiles of the cluster's first distinct wordings (its key's first). */
  profiles: QuestionProfile[];
  keys: string[];
  /** The exemplars' aspects and words, deduplicated: what the cluster is found by. */
  tokens: string[];
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
  /** Exemplar key → the key of the cluster holding it. */
  private readonly exemplarOf = new Map<string, string>();
  /** How many questions of this broadcast named each word: a word asked again names a thing, a one-off is wording. */
  private readonly wordCounts = new Map<string, number>();
  private readonly weight = (word: string): number => wordWeight(word, this.wordCounts.get(word) ?? 0);
  /** How many questions of this broadcast held each letter pair of content, and how many were counted. */
  private readonly gramCounts = new Map<number, number>();
  private questionsCounted = 0;
  private readonly gramWeight = (gram: number): number =>
    gramWeight(this.gramCounts.get(gram) ?? 0, this.questionsCounted);
  private readonly byStem = new Map<string, Set<string>>();
  /** One buffer for a pair's features: a question meets dozens of exemplars. */
  private readonly features: number[] = [];
  private readonly options: Required<ClusterOptions>;
  private nextId = 1;

  constructor(options: ClusterOptions = {}, restored: readonly QuestionCluster[] = []) {
    const model = options.model ?? shippedPairModel();
    this.options = {
      maxClusters: 2000,
      perStem: 12,
      exemplars: 4,
      candidates: 6,
      ...options,
      model,
      joinAt: options.joinAt ?? model.joinAt,
    };
    for (const c of [...restored].sort((a, b) => a.lastAt - b.lastAt)) this.insert(upgraded(c));
    this.nextId = 1 + Math.max(0, ...restored.map((c) => Number(c.id.slice(1)) || 0));
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Adds one question; returns the cluster it joined or started. */
  add(chat: { seq: number; message: string; at: number }): QuestionCluster {
    const seen = this.textCache.get(chat.message);
    let cluster = seen === undefined ? undefined : this.byKey.get(seen);
    if (!cluster) {
      const { found, profile, key } = this.match(chat.message);
      cluster = found;
      if (cluster.count > 0 && profile) this.addExemplar(cluster, key, profile);
    }
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
  private match(message: string): { found: QuestionCluster; profile?: QuestionProfile; key: string } {
    const profile = profileOf(message);
    const meaning = profile.meaning;
    const empty = meaning.aspects.length === 0 && meaning.words.length === 0;
    const key = empty ? message.trim().toLowerCase() : meaningKey(meaning);
    if (!empty) for (const w of meaning.words) this.countWord(w);
    this.countGrams(profile);
    // A wording the tables cannot read ("오븐사용가능해요", written together) still has its letters to compare.
    const blank = empty && profile.grams.length === 0;
    const found = this.exact(key) ?? (blank ? undefined : this.similar(profile));
    if (found) return { found, profile: blank ? undefined : profile, key };
    return {
      found: {
        id: `c${this.nextId++}`,
        key,
        count: 0,
        latest: message,
        latestSeq: 0,
        firstAt: 0,
        lastAt: 0,
        status: "open",
      },
      key,
    };
  }

  private exact(key: string): QuestionCluster | undefined {
    return this.byKey.get(key) ?? this.byKey.get(this.exemplarOf.get(key) ?? "");
  }

  private countGrams(profile: QuestionProfile): void {
    if (this.gramCounts.size >= WORD_COUNTS_SIZE) {
      this.gramCounts.clear();
      this.questionsCounted = 0;
    }
    this.questionsCounted++;
    for (const g of profile.grams) this.gramCounts.set(g, (this.gramCounts.get(g) ?? 0) + 1);
  }

  private countWord(word: string): void {
    if (this.wordCounts.size >= WORD_COUNTS_SIZE && !this.wordCounts.has(word)) this.wordCounts.clear();
    this.wordCounts.set(word, (this.wordCounts.get(word) ?? 0) + 1);
  }

  /**
   * A new wording of a cluster becomes one of its exemplars while it has fewer than
   * `exemplars`, if it names the same values: a wording that names none ("사이즈 있어요" in
   * the cluster of "L 사이즈 있어요") would let every other size's question in.
   */
  private addExemplar(c: QuestionCluster, key: string, profile: QuestionProfile): void {
    const signature = this.signatures.get(c.key);
    if (!signature || signature.keys.length >= this.options.exemplars || this.exact(key)) return;
    if (valuesOf(profile.meaning) !== valuesOf(signature.profiles[0]!.meaning)) return;
    signature.keys.push(key);
    signature.profiles.push(profile);
    signature.tokens = [...new Set([...signature.tokens, ...tokensOf(profile)])];
    this.exemplarOf.set(key, c.key);
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
    const profile = profileOf(message);
    const meaning = profile.meaning;
    if (meaning.aspects.length === 0 && meaning.words.length === 0) {
      const key = message.trim().toLowerCase();
      return this.byKey.get(key) ?? (profile.grams.length ? this.similar(profile) : undefined);
    }
    return this.exact(meaningKey(meaning)) ?? this.similar(profile);
  }

  /** Every cluster, least recently asked first. */
  all(): IterableIterator<QuestionCluster> {
    return this.byKey.values();
  }

  /** The most asked clusters (ties: most recent first). */
  top(n: number): QuestionCluster[] {
    return [...this.byKey.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).slice(0, n);
  }

  /** The cluster whose closest exemplar the pair model most surely calls the same question, if sure enough. */
  private similar(profile: QuestionProfile): QuestionCluster | undefined {
    const shared = new Map<string, number>();
    for (const token of tokensOf(profile)) {
      for (const key of this.byStem.get(token) ?? []) shared.set(key, (shared.get(key) ?? 0) + 1);
    }
    if (shared.size === 0) return undefined;
    // Scoring is most of a question's cost: only the clusters sharing most aspects, words and letters are scored.
    const candidates =
      shared.size <= this.options.candidates
        ? shared.keys()
        : [...shared]
            .sort((a, b) => b[1] - a[1])
            .slice(0, this.options.candidates)
            .map(([key]) => key);
    let best: string | undefined;
    let bestScore = this.options.joinAt;
    for (const key of candidates) {
      const other = this.signatures.get(key);
      if (!other) continue;
      for (const p of other.profiles) {
        if (differentQuestions(profile.meaning, p.meaning)) continue;
        const features = pairFeatures(profile, p, this.weight, this.gramWeight, this.features);
        const score = pairScore(this.options.model, features);
        if (score >= bestScore) [best, bestScore] = [key, score];
      }
    }
    return best === undefined ? undefined : this.byKey.get(best);
  }

  private insert(c: QuestionCluster): void {
    this.byKey.set(c.key, c);
    const meaning = meaningOfKey(c.key);
    // A restored cluster's latest wording may key differently: its letters, with the key's meaning.
    const profile = { ...profileOf(c.latest), meaning };
    this.signatures.set(c.key, { profiles: [profile], keys: [c.key], tokens: tokensOf(profile) });
    this.rememberStems(c.key);
  }

  private touch(c: QuestionCluster): void {
    this.byKey.delete(c.key);
    this.byKey.set(c.key, c);
    this.rememberStems(c.key);
  }

  /** Moves the key to the recent end of each of its tokens' sets, forgetting the oldest beyond `perStem`. */
  private rememberStems(key: string): void {
    const signature = this.signatures.get(key);
    for (const stem of signature?.tokens ?? []) {
      if (!stem) continue;
      let keys = this.byStem.get(stem);
      if (!keys) this.byStem.set(stem, (keys = new Set()));
      keys.delete(key);
      keys.add(key);
      if (keys.size > this.options.perStem) keys.delete(keys.values().next().value!);
    }
  }

  private evict(): void {
    while (this.byKey.size > this.options.maxClusters) {
      const oldest = this.byKey.values().next().value!;
      this.byKey.delete(oldest.key);
      const signature = this.signatures.get(oldest.key);
      this.signatures.delete(oldest.key);
      for (const key of signature?.keys.slice(1) ?? []) this.exemplarOf.delete(key);
      for (const stem of signature?.tokens ?? []) {
        const keys = this.byStem.get(stem);
        keys?.delete(oldest.key);
        if (keys?.size === 0) this.byStem.delete(stem);
      }
    }
  }
}

/**
 * How much a word counts: numbers, sizes, colours and other values in full; any other word
 * by how many questions of the broadcast have named it, since a thing viewers ask about
 * comes back while a one-off word is usually just wording ("규격", "정도").
 */
export function wordWeight(word: string, count: number): number {
  if (isValueWord(word)) return 1;
  return Math.min(1, 0.25 + 0.25 * Math.max(0, count - 1));
}

const valuesOf = (m: QuestionMeaning) => m.words.filter(isValueWord).join(" ");

/**
 * What candidate clusters are found by: aspects, words (marked apart, a word may spell an
 * aspect) and the letter pairs of the content, so a wording no table reads still meets the
 * clusters sharing its letters ("커버력좋아요" and "커버력 어때요").
 */
function tokensOf(p: QuestionProfile): string[] {
  const m = p.meaning;
  const tokens = [...m.aspects.map((a) => `@${bareAspect(a)}`), ...m.words];
  for (const g of p.starts) tokens.push(`\u0001${g}`);
  return tokens;
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
  const meaning = profileOf(c.latest).meaning;
  return meaning.aspects.length || meaning.words.length ? { ...c, key: meaningKey(meaning) } : c;
}
