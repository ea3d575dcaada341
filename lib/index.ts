// The library `nnfs`, in the order the book teaches it. This file only re-exports.

// Chapter 2: a neuron
export * from "./neuron.ts";

// Chapter 3: layers and batches
export * from "./sizes.ts";
export * from "./matrix.ts";
export * from "./shapes.ts";
export * from "./check.ts";
export * from "./matmul.ts";
export * from "./transpose.ts";
export * from "./arithmetic.ts";
export * from "./random.ts";
export * from "./layer.ts";
export * from "./dense.ts";

// Chapters 4–5: activation functions
export * from "./activations.ts";

// Chapter 6: a network for digits
export * from "./activation-layers.ts";
export * from "./sequential.ts";
export * from "./mnist.ts";
export * from "./reduce.ts";

// Chapter 7: loss
export * from "./loss.ts";

// Chapter 8: gradient descent
export * from "./gradient-descent.ts";

// Chapter 9: backpropagation
export * from "./losses.ts";
export * from "./gradcheck.ts";

// Chapter 10: training
export * from "./optimizers.ts";
export * from "./batches.ts";
export * from "./train-epoch.ts";
export * from "./evaluate.ts";
export * from "./train.ts";
export * from "./collapse.ts";
export * from "./trained.ts";

// Chapter 11: training better
export * from "./init.ts";
export * from "./schedule.ts";
export * from "./dropout.ts";
export * from "./augment.ts";

// Chapter 12: faster products (WebAssembly SIMD kernels in the kernel slot)
export * from "./fast.ts";

// The kernels floor (no chapter; chapter 12 explains it): the list of a
// matrix's non-zeros, which a dense layer passes to its products
export * from "./kernels/sparse-rows.ts";

// Pictures from cells: line plots, digits and bar charts (the page draws them)
export * from "./display.ts";
