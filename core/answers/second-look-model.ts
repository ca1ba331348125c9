// Written by `npm run train:answers` (scripts/train-answers.ts); do not edit by hand.
import type { SecondLookModel } from "./second-look.ts";

/** fact accuracy 51.4% · wrong 4.7% · abstains 82.3% (cross-validated on the tuned-on splits). */
export const SECOND_LOOK_MODEL: SecondLookModel = {
  weights: {
    bias: -4.6531,
    topic: -0.9457,
    topics: -0.3093,
    coverage: 1.1144,
    textCoverage: 3.1823,
    similarity: 2.9767,
    explained: -0.5225,
    modelVote: 0.9819,
    sharedVote: 3.4711,
    qna: 1.7788,
    productLine: -0.9881,
    broadcastLine: -1.9987,
    ownProduct: 1.7387,
    retrieval: 0.8993,
    ruleScore: 0.4381,
    firstRanked: 1.299,
    rareCoverage: -0.7814,
    amountWithDigits: 0.9769,
    offTopic: -0.5798,
    noGrams: 0.7903,
    vocabulary: 0.7698,
    unexplainedRare: 0.7201,
    qnaUnasked: -4.1819,
  },
  answerAt: 0.7,
  vetoBelow: 0.3,
};
