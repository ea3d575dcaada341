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
  "03": [
    { prose: "For 784 inputs the spread is $1/28$", output: "1 / √784:              0.0357" },
    { prose: "The editor compared the inner sizes, 3 and 2, from the types alone", output: "[4×3]·[2×4]: inner sizes 3 and 2 differ" },
  ],
  "05": [
    { prose: "The stroke scores $40$", output: "stroke     40" },
    { prose: "the speck drops from $0.982$ to $0.002$", output: "speck       4   0.982       0.002" },
  ],
  "06": [
    { prose: "numbers, every one of them a knob", output: "total: 13002 parameters" },
    { prose: "It says 3 for *every* validation digit", output: "how often it says each digit: [0, 0, 0, 1000, 0, 0, 0, 0, 0, 0]" },
    { prose: "which 105 of the 1,000 are", output: "105 of 1000 right" },
    { prose: "for the first digit it was $0.61$, with output 1 close behind at $0.57$", output: "[0.42, 0.57, 0.5, 0.61," },
    { prose: "a part that depends on the digit and moves it by at most $0.12$", output: "range:     0.12  0.10  0.06  0.09  0.11" },
    { prose: "Output 3's shared part, $0.45$, is ahead of the next one, output 1's $0.30$", output: "average:  -0.33  0.30 -0.01  0.45 -0.82" },
    { prose: "The answers spread over every digit", output: "without the shared part: [112, 211, 15, 174, 140, 6, 46, 43, 160, 93]" },
    { prose: "where its slope is $\\tfrac14$", output: "slope of the sigmoid at 0: 0.250" },
    { prose: "its activations range about a quarter as much", output: "hidden 1: sums range 1.65, activations range 0.38" },
    { prose: "their activations range a quarter of that", output: "hidden 2: sums range 0.41, activations range 0.09" },
    { prose: "Still nearly all of them: 951 of the 1,000 answers are 3", output: "answers: [0, 49, 0, 951, 0, 0, 0, 0, 0, 0]" },
    { prose: "except for the 49 digits that tip it over to 1", output: "answers: [0, 49, 0, 951, 0, 0, 0, 0, 0, 0]" },
    { prose: "range $0.99$ on average, against $0.38$ before", output: "hidden 1 activations from 0.00 to 1.00, ranging 0.99" },
    { prose: "The second layer's sums range further, $1.83$, and its sigmoid squeezes that to $0.39$", output: "hidden 2: sums range 1.83, activations range 0.39" },
    { prose: "That spreads the answers over most digits, with output 1 now ahead", output: "every layer × 10: [13, 434, 135, 260, 0, 0, 72, 36, 0, 50]" },
  ],
  "07": [
    { prose: "we counted: 105 right out of the 1,000 validation digits", output: "accuracy: 0.105" },
    { prose: "The largest, about 0.18, is for the digit 3", output: "0.084 0.161 0.117 0.183" },
    { prose: "A probability of $0.5$ costs $0.69$, one of $0.1$ costs $2.30$", output: "p = 0.5    −ln p = 0.693" },
    { prose: "then costs $-\\ln 10^{-7} \\approx 16.1$", output: "loss of the confident mistake: 16.118" },
    { prose: "all of them lie between 0.049 and 0.195", output: "its probabilities range from 0.049 to 0.195" },
    { prose: "their sum, about $1.012$, divided by 10", output: "MSE of the first digit: 0.1012" },
    { prose: "The product is exactly 0 from the 316th digit on", output: "likelihood: 0  zero from digit 316 on" },
    { prose: "divided by the number of digits it is $2.3521$", output: "per digit: 2.3521" },
    { prose: "Cross-entropy's slope grows instead, towards 1", output: "z = 8  p(true) 0.0003  MSE 0.0007  CE 0.9998" },
    { prose: "at a bias of $-0.66$", output: "lowest loss at bias -0.660" },
    { prose: "where the loss is lowest, the network gets 123 digits right", output: "lowest loss at bias -0.660 with 123 right" },
    { prose: "at $-0.13$, where the loss is higher, it gets 173", output: "most right: 173 at bias -0.130" },
    { prose: "The accuracy did not move", output: "accuracy: 0.105\nloss:     2.3529" },
    { prose: "A cost of 120 for being wrong by a margin of 120", output: "sums [0, 120], truth 0: 120" },
    { prose: "how wrong the network is: about 2.35", output: "our network:     2.3521" },
  ],
  "08": [
    { prose: "The slope at $x = 1$ is $-4$", output: "exact:   -4" },
    { prose: "from 0 it jumps past 3 to $5.4$, then back to $1.08$", output: "after 1, 2, 3 and 20 steps:   5.40   1.08" },
    { prose: "and its loss is $0.138$", output: "step 0: w = 0.000, b = 0.000, loss = 0.13821" },
    { prose: "Fifty steps later the loss is six hundred times smaller", output: "step 50: w = 0.959, b = -0.234, loss = 0.00022" },
    { prose: "About $2.7 \\times 10^{12}$ multiply-adds", output: "2.7e+12 multiply-adds for one step" },
    { prose: "After 20 steps it is at $2.97$, as close as the smooth walk", output: "lr = 0.9   after 1, 2, 3 and 20 steps:   5.40   1.08   4.54   2.97" },
    { prose: "which is why those two rows end at the same $2.97$", output: "lr = 0.1   after 1, 2, 3 and 20 steps:   0.60   1.08   1.46   2.97" },
    { prose: "here from 9 to 407", output: "the value has risen from 9 to 407.3" },
    { prose: "flung $w$ to about 47", output: "lr = 100: w = 46.78, b = -0.32, loss 0.02083" },
    { prose: "125 times worse than the good fit", output: "lr = 100 ends 125 times worse, with no error" },
    { prose: "on one side of the hump it finds the deep valley, on the other the shallow one", output: "from 1: x = 1.347, h = -2.619" },
    { prose: "start a thousandth off that line and the walk finds the way down", output: "from (2,0.001): (0,9.1), s = -82.818" },
    { prose: "A thousand steps moved $x$ by about one", output: "after 1000 steps: x = -6.89, value 0.9980" },
  ],
  "09": [
    { prose: "All 43 weights and biases agree", output: "ok: true  checked: 43" },
    { prose: "claims a slope of $0.12$ where the loss really slopes five times less", output: "analytic: 0.12448592483997345, numeric: 0.02493456269575757" },
    { prose: "the worst gradient is off by a thousandth of the largest", output: "worst error: 1.0e-3" },
    { prose: "The error is smallest near $h = 0.01$", output: "h = 0.01    worst error 5.5e-5" },
    { prose: "its error there, $4.7 \\times 10^{-4}$, is still twenty times below", output: "h = 0.001   worst error 4.7e-4" },
    { prose: "one pre-activation is only $0.015$ from the kink", output: "closest to the kink: 0.0150" },
    { prose: "at $h = 0.001$ this one is not crossed at all", output: "h = 0.001: ok true, kinks: []" },
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
    { prose: "reads more than nine digits in ten that it has never seen", output: "epoch 2: training loss 0.247, validation accuracy 0.94" },
    // The loop written out shuffles as train() does, so its two epochs are train()'s first two.
    { prose: "its first two epochs below end where the loop's two did", output: "epoch 1: training loss 0.511, validation accuracy 0.93\nepoch 2: training loss 0.247, validation accuracy 0.94" },
    { prose: "its first two epochs below end where the loop's two did", output: "epoch 1: loss 0.511, validation 93.0 %\nepoch 2: loss 0.247, validation 94.0 %" },
    { prose: "The validation loss falls steeply for five epochs", output: "validation loss: 40 points, y from 1.081 to 0.4724" },
    { prose: "The validation loss falls steeply for five epochs", output: "epoch 5: training loss 0.253, validation loss 0.460" },
    // The zigzag up to epoch 20, its range and lowest, and the climb after it, as the rows print them.
    { prose: "Up to epoch 20 it zigzags, rising and falling from epoch to epoch, between 0.435 and\n0.471", output: "epochs  5–12: 0.460 0.471 0.455 0.454 0.446 0.445 0.453 0.464\nepochs 13–20: 0.439 0.454 0.435 0.445 0.442 0.436 0.435 0.437" },
    { prose: "drifting down to its lowest, 0.435, at epochs 15 and 19", output: "epochs 13–20: 0.439 0.454 0.435 0.445 0.442 0.436 0.435 0.437" },
    { prose: "drifting down to its lowest, 0.435, at epochs 15 and 19", output: "(min 0.4349, max 0.4734)" },
    { prose: "it never again comes back below 0.449, and it ends at 0.472", output: "epochs 21–28: 0.453 0.452 0.458 0.450 0.449 0.451 0.459 0.452\nepochs 29–36: 0.457 0.468 0.466 0.462 0.460 0.465 0.473 0.465\nepochs 37–40: 0.471 0.468 0.471 0.472" },
    { prose: "at epoch 1 the training loss (1.591) is *above* the validation loss (1.081)", output: "training, averaged while learning: 1.591" },
    { prose: "at epoch 1 the training loss (1.591) is *above* the validation loss (1.081)", output: "validation, after the epoch: 1.081" },
  ],
  "11": [
    { prose: "to 69 after ten", output: "too large (0.2)   1.5e+0  3.8e+0  1.1e+1  3.1e+1  6.9e+1" },
    { prose: "(93.0, 94.0, 94.3, 95.6, 95.1 above)", output: "SGD, lr 0.2        validation    93.0  94.0  94.3  95.6  95.1" },
    { prose: "a standard error of about 0.7 points", output: "noise of a validation accuracy: ±0.7 points" },
    { prose: "ending at 0.106 for plain SGD, 0.104 for momentum and 0.112 for Adam", output: "0.133  0.106\nmomentum, lr 0.02" },
    { prose: "ending at 0.106 for plain SGD, 0.104 for momentum and 0.112 for Adam", output: "0.137  0.104\nAdam, lr 0.001" },
    { prose: "ending at 0.106 for plain SGD, 0.104 for momentum and 0.112 for Adam", output: "0.145  0.112\nnoise" },
    { prose: "reach nearly the same validation loss (0.472 and\n0.475)", output: "Adam + L2    lowest validation loss 0.427, after 40 epochs 0.472" },
    { prose: "reach nearly the same validation loss (0.472 and\n0.475)", output: "AdamW        lowest validation loss 0.427, after 40 epochs 0.475" },
    { prose: "are driven all the way to 0", output: "Adam + L2     corner 0.0000" },
    { prose: "after 40 epochs are almost where they started", output: "at the start  corner 0.0495" },
    { prose: "after 40 epochs are almost where they started", output: "AdamW         corner 0.0494" },
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
