/**
 * A number the prose quotes comes from a cell's output. The output fences are
 * checked against real runs (cells.test.ts); this table ties each quoted
 * number in the prose to the output it comes from, so that when a run changes
 * (new weights, new data) and `npm run cells:update` rewrites the fence, this
 * test fails until the prose says the new number too.
 */
import { describe, expect, test } from "vitest";
import { parseChapter } from "../../components/cell/notebook/parse-chapter.ts";
import { chapterFiles } from "../../scripts/chapters.ts";

interface Quote {
  /** What the prose says, whitespace-insensitive. */
  prose: string;
  /** What some cell's output fence of the same chapter must contain. */
  output: string;
}

const QUOTES: Record<string, Quote[]> = {
  "03": [{ prose: "For 784 inputs the spread is $1/28$", output: "1 / √784:              0.0357" }],
  "05": [
    { prose: "The stroke scores $40$", output: "stroke     40" },
    { prose: "the speck drops from $0.982$ to $0.002$", output: "speck       4   0.982       0.002" },
  ],
  "06": [
    { prose: "numbers, every one of them a knob", output: "total: 13002 parameters" },
    { prose: "It says 3 for *every* test digit", output: "how often it says each digit: [0, 0, 0, 1000, 0, 0, 0, 0, 0, 0]" },
    { prose: "which 113 of the 1,000 are", output: "113 of 1000 right" },
    { prose: "for the first digit it was $0.61$, with output 1 close behind at $0.57$", output: "outputs, a 9: [0.42, 0.57, 0.5, 0.61," },
    { prose: "some of its neurons move by as much as $0.27$", output: "largest difference: 0.27\n" },
    { prose: "every activation lies between $0.26$ and $0.72$", output: "     14    0.32    0.26" },
    { prose: "every activation lies between $0.26$ and $0.72$", output: "      7    0.45    0.72" },
    { prose: "outputs differ by a hundredth at most ($0.011$)", output: "largest difference: 0.011" },
  ],
  "07": [
    { prose: "we counted: 113 right out of 1,000", output: "accuracy: 0.113" },
    { prose: "The largest, about 0.18, is for the digit 3", output: "0.085 0.158 0.117 0.181" },
    { prose: "A probability of $0.5$ costs $0.69$, one of $0.1$ costs $2.30$", output: "p = 0.5    −ln p = 0.693" },
    { prose: "then costs $-\\ln 10^{-7} \\approx 16.1$", output: "loss of the confident mistake: 16.118" },
    { prose: "all of them lie between 0.05 and 0.2", output: "its probabilities range from 0.049 to 0.196" },
    { prose: "how wrong the network is: about 2.36", output: "our network:     2.3563" },
  ],
  "08": [
    { prose: "The slope at $x = 1$ is $-4$", output: "exact:   -4" },
    { prose: "from 0 it jumps past 3 to $5.4$, then back to $1.08$", output: "after 1, 2, 3 and 20 steps:   5.40   1.08" },
    { prose: "and its loss is $0.138$", output: "step 0: w = 0.000, b = 0.000, loss = 0.13821" },
    { prose: "Fifty steps later the loss is six hundred times smaller", output: "step 50: w = 0.959, b = -0.234, loss = 0.00022" },
    { prose: "About $2.7 \\times 10^{12}$ multiply-adds", output: "2.7e+12 multiply-adds for one step" },
  ],
  "09": [
    { prose: "All 43 weights and biases agree", output: "ok: true  checked: 43" },
    { prose: "claims a slope of $0.12$ where the loss really slopes five times less", output: "analytic: 0.12448592483997345, numeric: 0.024906605553050243" },
    { prose: "The loss went down, from about 2.37 to 2.31", output: "loss before the step: 2.3663\nloss after the step:  2.3056" },
    { prose: "it gets about one digit in five right", output: "accuracy on the training digits: 0.215125" },
  ],
  "12": [
    { prose: "About 3.3 billion flops an epoch, and 98 % of them are in the products", output: "one epoch: 3.32 GFLOP" },
    { prose: "About 3.3 billion flops an epoch, and 98 % of them are in the products", output: "in the products: 98 %" },
    { prose: "the epoch's 3.32 GFLOP", output: "one epoch: 3.32 GFLOP" },
    { prose: "81.0 % of the pixels are blank", output: "81.0 % of the pixels are 0" },
  ],
  "10": [
    { prose: "Twelve per cent, barely better than guessing", output: "raw bytes: validation accuracy 0.123" },
    { prose: "it reads 86 % of them right, against 98 % or more of the 0s, 1s and 6s", output: "right %    99  98  94  86  95  90  98" },
    { prose: "250 steps for the price of one", output: "250 batches of 32 an epoch" },
    { prose: "reads more than nine digits in ten that it has never seen", output: "epoch 2: training loss 0.248, validation accuracy 0.933" },
    { prose: "The validation loss falls for about fifteen epochs, then turns and climbs", output: "epoch 15: training loss 0.041, validation loss 0.435" },
    { prose: "The validation loss falls for about fifteen epochs, then turns and climbs", output: "epoch 20: training loss 0.025, validation loss 0.437" },
    { prose: "at epoch 1 the training loss (1.591) is *above* the validation loss (1.081)", output: "training, averaged while learning: 1.591" },
    { prose: "at epoch 1 the training loss (1.591) is *above* the validation loss (1.081)", output: "validation, after the epoch: 1.081" },
  ],
  "11": [
    { prose: "to 69 after ten", output: "too large (0.2)   1.5e+0  3.8e+0  1.1e+1  3.1e+1  6.9e+1" },
    { prose: "(93.0, 94.0, 94.3, 95.6, 95.1 above)", output: "SGD, lr 0.2        validation 93.0  94.0  94.3  95.6  95.1" },
    { prose: "ends lower still, at 93.6 %", output: "inverseTimeDecay validation 92.1  93.2  93.7  94.1  93.6" },
    { prose: "a lowest validation loss of 0.392 instead of 0.429, and 88.1 % at the end instead of 87.2 %", output: "dropout 0.5  lowest validation loss 0.392, after 40 epochs 0.435, accuracy 88.1 %" },
    { prose: "a lowest validation loss of 0.392 instead of 0.429, and 88.1 % at the end instead of 87.2 %", output: "L2 0.001     lowest validation loss 0.429, after 40 epochs 0.451, accuracy 87.2 %" },
    { prose: "set two of its eight inputs to 0", output: "training: [2, 0, 2, 2, 2, 0, 2, 2]" },
    { prose: "97.4 % on the validation digits and 95.7 % on the test digits", output: "validation 97.4 %, test 95.7 %" },
  ],
};

const squash = (text: string) => text.replace(/\s+/g, " ");

/** The chapter's text without its fences: what a reader reads as prose. */
function prose(source: string): string {
  return squash(source.replace(/^```[\s\S]*?^```/gm, ""));
}

test("every chapter the table names exists", () => {
  const all = chapterFiles("").map((c) => c.id.slice(0, 2));
  expect(Object.keys(QUOTES).filter((n) => !all.includes(n))).toEqual([]);
});

describe.each(chapterFiles().filter((c) => QUOTES[c.id.slice(0, 2)]))("$id", ({ id, source }) => {
  const outputs = parseChapter(source).cells.map((c) => c.output ?? "");
  test.each(QUOTES[id.slice(0, 2)])("the prose quotes “$prose” from an output", ({ prose: quoted, output }) => {
    expect(prose(source), "the prose no longer says it").toContain(squash(quoted));
    expect(outputs.some((o) => o.includes(output)), `no output fence contains ${JSON.stringify(output)}`).toBe(true);
  });
});
