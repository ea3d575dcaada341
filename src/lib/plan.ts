/**
 * The book's plan: every chapter it promises, in order, with a line about
 * each. The map in chapter 1 and the contents page list the plan; a chapter
 * whose folder exists links to it, one that does not yet is shown as coming.
 * Adding the folder is all it takes to turn "coming" into a link.
 */

export interface PlannedChapter {
  number: number;
  title: string;
  /** One or two sentences: what the chapter does. */
  blurb: string;
}

export const PLAN: readonly PlannedChapter[] = [
  { number: 1, title: "Why neural networks", blurb: "Functions, examples, and the words we use." },
  { number: 2, title: "A single neuron", blurb: "Inputs times weights, plus a bias: the one calculation every network repeats." },
  { number: 3, title: "Layers and batches", blurb: "Many neurons side by side, many samples at once, and the matrix product that does both." },
  { number: 4, title: "Activation: the sigmoid", blurb: "Why a weighted sum alone is not enough, and the curve that fixes it." },
  { number: 5, title: "Bias as a threshold", blurb: "How a neuron decides what counts as “enough”, and weights that look for a pattern in an image." },
  { number: 6, title: "A network that looks at digits", blurb: "784 pixels in, ten digits out, and an untrained network’s first guesses." },
  { number: 7, title: "Measuring mistakes", blurb: "One number that says how wrong the network is: the loss." },
  { number: 8, title: "Gradient descent", blurb: "Rolling downhill on that number." },
  { number: 9, title: "Backpropagation", blurb: "How every weight learns its share of the blame." },
  { number: 10, title: "Training on digits", blurb: "Putting it all together: a network that reads handwriting, trained in your browser." },
  { number: 11, title: "Training better", blurb: "The tricks that make training faster and the network more reliable." },
  { number: 12, title: "Making it fast", blurb: "From the naive loop to a WebAssembly kernel, timed in your own browser." },
];

/** A chapter that exists: its folder name, number and title. */
export interface WrittenChapter {
  id: string;
  number: number;
  title: string;
  summary: string;
}

export interface MapEntry {
  number: number;
  title: string;
  blurb: string;
  /** The chapter's folder name, or null while it is still coming. */
  id: string | null;
}

/**
 * The plan merged with the chapters that exist: a written chapter keeps its
 * own title and links to its folder; a planned one without a folder is
 * coming; a written one the plan does not list is still shown. In order.
 */
export function bookMap(plan: readonly PlannedChapter[], written: readonly WrittenChapter[]): MapEntry[] {
  const byNumber = new Map(written.map((w) => [w.number, w]));
  const entries: MapEntry[] = plan.map((p) => {
    const w = byNumber.get(p.number);
    return { number: p.number, title: w ? w.title : p.title, blurb: p.blurb, id: w ? w.id : null };
  });
  for (const w of written) {
    if (!plan.some((p) => p.number === w.number)) entries.push({ number: w.number, title: w.title, blurb: w.summary, id: w.id });
  }
  return entries.sort((a, b) => a.number - b.number);
}
