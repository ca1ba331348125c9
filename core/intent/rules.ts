import type { IntentClassifier, IntentResult } from "./types.ts";

/** One regex matching any of the alternatives (each a regex source). */
const anyOf = (alternatives: string[]) => new RegExp(`(${alternatives.join("|")})`);

const REQUEST = anyOf([
  "주세요",
  "해줘",
  "해주라",
  "줘요",
  "주실",
  "주시면",
  "부탁",
  "보여",
  "해주",
  "알려줘",
  "해 ?줘",
  "해 ?주세요",
  "틀어",
  "비춰",
  "다시",
  "한번 더",
  "입어봐",
  "발라봐",
  "보여줘",
  "줌",
  "클로즈업",
]);
const QUESTION = anyOf([
  "\\?",
  "？",
  "나요",
  "까요",
  "인가요",
  "인가",
  "있어요\\??$",
  "어때요",
  "몇",
  "언제",
  "어디",
  "얼마",
  "뭐",
  "무슨",
  "어떤",
  "어떻게",
  "왜",
  "되나요",
  "되요\\?",
  "돼요\\?",
  "가능",
  "ㅇㄷ",
  "인지",
  "는지",
  "니$",
  "냐$",
  "나$",
  "죠\\?",
]);

/**
 * Keyword rules: the baseline the trained model must beat, and the classifier the
 * walking skeleton started with. Requests win over questions ("보여주실 수 있나요" asks
 * for an action), everything else is general.
 */
export const ruleClassifier: IntentClassifier = {
  name: "rules",
  classifyBatch(texts: readonly string[]): IntentResult[] {
    return texts.map(classifyOne);
  },
};

function classifyOne(text: string): IntentResult {
  const t = text.trim();
  if (REQUEST.test(t)) return { intent: "request", confidence: 0.6 };
  if (QUESTION.test(t)) return { intent: "question", confidence: 0.6 };
  return { intent: "general", confidence: 0.5 };
}
