import { targetProduct } from "../answers/product-target.ts";
import { captureOutages } from "./outages.ts";
import { minuteStart, peakMinute, reportMinutes } from "./minutes.ts";
import type { BroadcastReport, HubReportData, ReportAnswer, ReportCluster, StoredReportData } from "./types.ts";

type Link = HubReportData["answerLinks"][number];
type Mark = HubReportData["statusMarks"][number];

/**
 * The broadcast report from the hub's aggregates and D1's rows. Pure: the Worker route reads
 * both sides and calls this; the page and the CSVs read what it returns.
 */
export function assembleReport(hub: HubReportData, stored: StoredReportData, now: number): BroadcastReport {
  const answersById = new Map(stored.answers.map((a) => [a.id, a]));
  const linkByAnswer = new Map(hub.answerLinks.map((l) => [l.answerId, l]));
  const firstLinkByCluster = earliestBy(
    hub.answerLinks.filter((l) => l.clusterId !== null),
    (l) => l.clusterId!,
    (l) => l.publishedAt,
  );
  const answeredMarks = earliestBy(
    hub.statusMarks.filter((m) => m.status === "answered"),
    (m) => m.clusterId,
    (m) => m.at,
  );
  const products = stored.products.map((p) => ({
    key: p.key,
    name: p.name,
    brandName: p.brandName ?? null,
    details: [],
  }));

  const clusters = hub.clusters
    .map((c) => reportCluster(c, firstLinkByCluster.get(c.id), answeredMarks.get(c.id), answersById, products))
    .sort((a, b) => b.count - a.count || a.firstAskedAt - b.firstAskedAt);
  const clusterFirstAsked = new Map(clusters.map((c) => [c.id, c.firstAskedAt]));

  const answers: ReportAnswer[] = stored.answers
    .map((a) => {
      const link = linkByAnswer.get(a.id);
      // D1's creation time: the hub may first have seen an older answer in an edit's relay.
      const publishedAt = a.createdAt;
      const asked = link?.clusterId ? clusterFirstAsked.get(link.clusterId) : undefined;
      return {
        id: a.id,
        question: a.question,
        answer: a.answer,
        publishedAt,
        by: a.publishedBy ?? link?.by ?? null,
        status: a.status,
        clusterId: link?.clusterId ?? null,
        timeToAnswerMs: asked === undefined ? null : Math.max(0, publishedAt - asked),
      };
    })
    .sort((a, b) => a.publishedAt - b.publishedAt || a.id.localeCompare(b.id));

  const perMinute = reportMinutes(hub.minutes);
  const counter = (name: string) => hub.counters[name] ?? 0;
  const { perProduct, unassigned } = questionsPerProduct(clusters, stored.products);
  return {
    broadcastId: stored.broadcastId,
    title: stored.title,
    totals: {
      chats: hub.chats,
      general: counter("general"),
      request: counter("request"),
      question: counter("question"),
      held: counter("held"),
      uniqueChatters: hub.uniqueChatters,
    },
    perMinute,
    clusters,
    products: perProduct,
    answers,
    moderation: {
      abuse: counter("held_abuse"),
      spam: counter("held_spam"),
      personal_info: counter("held_personal_info"),
    },
    peakMinute: peakMinute(perMinute),
    answerMinutes: [
      ...new Set(answers.filter((a) => a.status === "published").map((a) => minuteStart(a.publishedAt))),
    ].sort((a, b) => a - b),
    timeToAnswer: summarizeTimes(clusters.flatMap((c) => (c.timeToAnswerMs === null ? [] : [c.timeToAnswerMs]))),
    unassignedQuestions: unassigned,
    clustersTotal: hub.clustersTotal,
    captureOutages: captureOutages(hub.captureEvents),
    firstChatAt: hub.firstChatAt,
    lastChatAt: hub.lastChatAt,
    generatedAt: now,
  };
}

function reportCluster(
  c: HubReportData["clusters"][number],
  link: Link | undefined,
  mark: Mark | undefined,
  answersById: Map<string, StoredReportData["answers"][number]>,
  products: Parameters<typeof targetProduct>[1],
): ReportCluster {
  const answeredAt = link?.publishedAt ?? mark?.at ?? null;
  const answer = link ? answersById.get(link.answerId) : undefined;
  return {
    id: c.id,
    text: c.text,
    count: c.count,
    firstAskedAt: c.firstAt,
    lastAskedAt: c.lastAt,
    answered: c.status === "answered" || link !== undefined,
    answeredAt,
    answer: answer?.answer ?? null,
    answerId: link?.answerId ?? null,
    by: link?.by ?? mark?.by ?? null,
    timeToAnswerMs: answeredAt === null ? null : Math.max(0, answeredAt - c.firstAt),
    dismissed: c.status === "dismissed" && link === undefined,
    productKey: targetProduct(c.text, products)?.product.key ?? null,
  };
}

/** Questions per product, in the products' own order; questions naming none are counted apart. */
function questionsPerProduct(clusters: readonly ReportCluster[], products: StoredReportData["products"]) {
  const counts = new Map(products.map((p) => [p.key, 0]));
  let unassigned = 0;
  for (const c of clusters) {
    if (c.productKey !== null && counts.has(c.productKey))
      counts.set(c.productKey, counts.get(c.productKey)! + c.count);
    else unassigned += c.count;
  }
  return { perProduct: products.map((p) => ({ key: p.key, name: p.name, questions: counts.get(p.key)! })), unassigned };
}

function earliestBy<T>(items: readonly T[], key: (t: T) => string, at: (t: T) => number): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of items) {
    const seen = out.get(key(item));
    if (!seen || at(item) < at(seen)) out.set(key(item), item);
  }
  return out;
}

/** Median (lower middle) and longest time to answer. */
export function summarizeTimes(times: readonly number[]): BroadcastReport["timeToAnswer"] {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length === 0) return { answered: 0, medianMs: null, maxMs: null };
  return { answered: sorted.length, medianMs: sorted[Math.floor((sorted.length - 1) / 2)]!, maxMs: sorted.at(-1)! };
}

/**
 * The to-do order of the page and the CSV: open questions first (most asked first), then the
 * answered ones, then the dismissed.
 */
export function checklistOrder(clusters: readonly ReportCluster[]): ReportCluster[] {
  const rank = (c: ReportCluster) => (c.answered ? 1 : c.dismissed ? 2 : 0);
  return [...clusters].sort((a, b) => rank(a) - rank(b) || b.count - a.count || a.firstAskedAt - b.firstAskedAt);
}
