// The library `nnfs`, in the order the book teaches it. This file only re-exports.

// Chapter 2: a neuron
export * from "./neuron.ts";
