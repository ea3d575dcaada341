/**
 * What every chapter's MDX may use without importing it: cells, exercises,
 * "predict, then run" and the book's map. The chapter pages and the print
 * edition (/book/) render chapters with this one map, so a component added
 * here works in both.
 */
import Cell from "../../components/cell/build/Cell.astro";
import Exercise from "../../components/cell/build/Exercise.astro";
import Predict from "../../components/predict/Predict.astro";
import BookMap from "./BookMap.astro";

export const chapterComponents = { Cell, Exercise, Predict, BookMap };
