import { describe, expect, it } from "vitest";
import { ClusterIndex } from "./clusters.ts";
import { questionMeaning } from "./question-meaning.ts";

let seq = 0;
const q = (message: string) => ({ seq: ++seq, message, at: 1000 + seq });

/** Wordings that share no letters and no word but ask one thing (loanwords, synonyms, slang). */
const SAME: [string, string][] = [
  ["보풀 생겨요?", "필링 있나요?"],
  ["뚜껑 있어요?", "덮개 있나요"],
  ["다크닝 있어요?", "바르고 나면 어두워져요?"],
  ["물빠짐 있나요", "이염 되나요?"],
  ["빨면 줄어들어요?", "수축 있나요"],
  ["반품비 얼마예요?", "왕복배송비 얼마에요"],
  ["밧데리 오래가요?", "배터리 사용시간 어때요"],
  ["속비침 있어요?", "비쳐요?"],
  ["지속력 좋아요?", "마스크에 묻어나요?"],
  ["신선하게 와요?", "아이스팩 넣어주나요"],
  ["검정 있어요?", "블랙 있나요"],
  ["충전기 같이 와요?", "어댑터 들어있나요"],
  ["필링있음?", "보풀 생기나요?"],
  ["다크닝심해요?", "칙칙해지나요"],
  ["쿠션감 어때요?", "푹신해요?"],
  ["형광증백제 없어요?", "유해물질 검사했나요"],
];

/** Different questions about one product: each pair must stay two clusters. */
const APART: [string, string][] = [
  ["블랙 있어요?", "화이트 있어요?"],
  ["건성 피부도 괜찮아요?", "지성 피부도 괜찮아요?"],
  ["아이패드 호환돼요?", "갤럭시 호환돼요?"],
  ["뚜껑 있어요?", "국물 새나요?"],
  ["반품비 얼마예요?", "배송비 얼마예요?"],
  ["물빠짐 있나요", "빨면 줄어들어요?"],
  ["보풀 생겨요?", "구김 잘 가요?"],
  ["소리 커요?", "사이즈 크게 나와요?"],
  ["신선하게 와요?", "배송 언제 와요?"],
  ["고양이도 먹어요?", "양 많아요?"],
  ["후기 어때요?", "차이점이 뭐예요?"],
];

describe("question clusters: synonym knowledge (aspects-ko-v1.json)", () => {
  it.each(SAME)("reads %s and %s as asking one aspect of the table", (a, b) => {
    const table = (text: string) => questionMeaning(text).aspects.filter((x) => !x.startsWith("~"));
    expect(table(a).length).toBeGreaterThan(0);
    expect(table(a)).toEqual(table(b));
  });

  it.each(SAME)("joins %s and %s in one cluster", (a, b) => {
    const index = new ClusterIndex();
    expect(index.add(q(b)).id).toBe(index.add(q(a)).id);
  });

  it.each(APART)("keeps %s and %s apart", (a, b) => {
    const index = new ClusterIndex();
    expect(index.add(q(b)).id).not.toBe(index.add(q(a)).id);
  });

  it("keeps a product's questions apart when they arrive together with their rewordings", () => {
    const index = new ClusterIndex();
    const ids = (texts: string[]) => new Set(texts.map((t) => index.add(q(t)).id));
    const pilling = ids(["보풀 생겨요?", "필링 있나요?", "보푸라기 잘 일어나요?"]);
    const fade = ids(["물빠짐 있나요", "이염 되나요?", "색빠짐 있어요?"]);
    const wrinkle = ids(["구김 잘 가요?", "다림질 해야 돼요?"]);
    for (const s of [pilling, fade, wrinkle]) expect(s.size).toBe(1);
    expect(new Set([...pilling, ...fade, ...wrinkle]).size).toBe(3);
  });
});
