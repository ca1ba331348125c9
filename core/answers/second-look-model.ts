// Written by `npm run train:answers` (scripts/train-answers.ts); do not edit by hand.
import type { SecondLookModel } from "./second-look.ts";

/** fact accuracy 63.8% · wrong 6.6% · abstains 82.2% (cross-validated on the tuned-on splits). */
export const SECOND_LOOK_MODEL: SecondLookModel = {
  weights: {
    bias: -5.4154,
    topic: -0.9528,
    topics: -0.5156,
    coverage: 1.774,
    textCoverage: 1.2468,
    similarity: 3.2936,
    explained: -0.2219,
    modelVote: 0.5206,
    sharedVote: 3.6329,
    qna: 1.4592,
    productLine: -1.673,
    broadcastLine: -2.2167,
    ownProduct: 2.3572,
    retrieval: 1.2365,
    ruleScore: 0.5783,
    firstRanked: 1.3329,
    rareCoverage: 0.8905,
    amountWithDigits: 1.4565,
    offTopic: -0.4473,
    noGrams: 1.8125,
    vocabulary: 0.9751,
    unexplainedRare: 1.3887,
    qnaUnasked: -4.5794,
  },
  answerAt: 0.5,
  vetoBelow: 0.4,
};
