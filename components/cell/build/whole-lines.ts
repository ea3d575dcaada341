/**
 * A Shiki transformer that lets the highlighter finish every line. Shiki
 * stops tokenizing a line after 500 ms by default and gives the rest of it
 * one colour; the first line a build highlights also compiles the grammar's
 * regular expressions, and on a busy machine that took longer: the first
 * cell of /book/ came out with one light colour from the middle of a line on.
 * A build must give the same page whatever the load, so the limit is off
 * (`<Code transformers={[wholeLines]}>`, and the Markdown fences' Shiki in
 * astro.config.mjs).
 */
export const wholeLines = {
  name: "nnfs:whole-lines",
  preprocess(code: string, options: { tokenizeTimeLimit?: number }): string {
    options.tokenizeTimeLimit = 0;
    return code;
  },
};
