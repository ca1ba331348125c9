/**
 * Korean sentence endings grouped into classes, so that spelling variants typed in chat
 * (나요/나여/나용, 주세요/주세여/주셈) share one feature besides their own suffix n-grams.
 * Entries are normalised text without spaces; they are matched against the last
 * syllables of a chat after trailing laughter, emoji and punctuation are stripped.
 */
export const ENDING_CLASSES: Readonly<Record<string, readonly string[]>> = {
  askPolite: [
    "나요", "나여", "나용", "낭", "까요", "까여", "까용", "가요", "가여", "인가요", "인가여",
    "는지요", "던가요", "을까요", "었나요", "습니까", "입니까", "됩니까", "십니까",
  ],
  askPlain: [
    "냐", "냥", "니", "나", "까", "는지", "런지", "는가", "던가", "남", "려나", "을까", "인가",
    "거임", "건가", "건지", "되나",
  ],
  confirm: ["죠", "지요", "쥬", "죵", "잖아요", "맞죠", "맞나요"],
  whWord: [
    "뭐예요", "뭐에요", "뭔가요", "뭐죠", "뭐임", "뭐야", "뭐지", "뭐여", "뭐",
    "얼마예요", "얼마에요", "얼마죠", "얼마임", "얼마", "몇이에요", "몇이예요", "몇개", "몇",
    "어때요", "어떄요", "어떤가요", "어떰", "어때", "어디예요", "어디에요", "어디", "언제예요",
    "언제", "왜요", "왜", "어떻게", "어떻게요", "무슨색", "무슨",
  ],
  requestPolite: [
    "주세요", "주세여", "주세용", "주세욤", "주새요", "주떼요", "줘요", "줘여", "주실래요",
    "주시겠어요", "주실수있나요", "주실수있을까요", "줄수있나요", "줄수있어요", "주시면",
    "주시면요", "주시면좋겠어요", "주면좋겠어요", "부탁해요", "부탁드려요", "부탁드립니다",
    "부탁", "해주심", "주심", "주삼", "주셈", "해주셈", "드려요", "해주실래요", "봐주세요",
  ],
  requestPlain: ["해줘", "줘", "줘봐", "주라", "봐줘", "해봐", "해주라", "보여줘", "틀어줘", "줘라"],
  requestLet: ["해보자", "보자", "하자", "합시다", "해봐요"],
  statement: ["네요", "네여", "네용", "구나", "군요", "다", "당", "어요", "아요", "해요", "예요", "이에요", "음", "임", "함", "듯"],
};

/** The class names in a fixed order (their position is part of the feature hash). */
export const ENDING_CLASS_NAMES: readonly string[] = Object.keys(ENDING_CLASSES);

/** Slang spellings of a final syllable and their standard form (해주세여 → 해주세요). */
export const FINAL_SYLLABLE_VARIANTS: ReadonlyMap<number, number> = new Map(
  [
    ["여", "요"], ["용", "요"], ["욤", "요"], ["염", "요"], ["유", "요"],
    ["죵", "죠"], ["쥬", "죠"], ["냥", "냐"], ["엽", "요"],
  ].map(([a, b]) => [a!.charCodeAt(0), b!.charCodeAt(0)]),
);
