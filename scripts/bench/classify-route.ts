import { embeddedClassifier } from "../../core/intent/embedded.ts";
import { ruleClassifier } from "../../core/intent/rules.ts";

/**
 * `POST /bench/classify {texts, repeat, classifier}`: classifies `texts` `repeat` times
 * inside workerd and answers a checksum. Timers do not advance during compute in
 * workerd, so the caller times whole requests and subtracts a `repeat: 0` request.
 */
export async function benchClassify(request: Request): Promise<Response> {
  const { texts, repeat, classifier } = (await request.json()) as {
    texts: string[];
    repeat: number;
    classifier: "embedded" | "rules";
  };
  const model = classifier === "rules" ? ruleClassifier : embeddedClassifier;
  let checksum = 0;
  for (let r = 0; r < repeat; r++) {
    for (let i = 0; i < texts.length; i += 100) {
      const results = model.classifyBatch(texts.slice(i, i + 100)) as { confidence: number }[];
      checksum += results.length;
    }
  }
  return Response.json({ checksum });
}
