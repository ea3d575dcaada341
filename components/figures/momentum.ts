/**
 * Chapter 11's momentum figure, the numbers: paths of the library's `SGD`,
 * with and without momentum, on chapter 8's valley g(x, y) = x² + 10y², and
 * the contour ellipses the map draws under them.
 */
import { Matrix, SGD, type Param } from "nnfs";

/** What the figure draws: paths of this many steps of this learning rate, for each momentum. */
export const FIGURE = { lr: 0.02, steps: 25, momenta: [0, 0.5, 0.9] } as const;

/** The valley of chapter 8: gentle along x, steep along y, lowest at (0, 0). */
export const valley = ([x, y]: readonly number[]): number => x ** 2 + 10 * y ** 2;

/**
 * The points (x, y) that `new SGD({ lr, momentum })` visits in `steps` steps
 * from `start`, given the valley's exact gradient (2x, 20y) at each step.
 */
export function valleyPath(lr: number, momentum: number, steps: number, start: readonly [number, number] = [-5, 2]): [number, number][] {
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`valleyPath: steps is ${steps}; it must be a whole number ≥ 0`);
  const p: Param = { name: "xy", value: Matrix.from([[start[0], start[1]]]), grad: Matrix.zeros(1, 2), decay: false };
  const optimizer = new SGD({ lr, momentum });
  const path: [number, number][] = [[start[0], start[1]]];
  for (let s = 0; s < steps; s++) {
    const [x, y] = p.value.data;
    p.grad.data[0] = 2 * x;
    p.grad.data[1] = 20 * y;
    optimizer.step([p]);
    path.push([p.value.data[0], p.value.data[1]]);
  }
  return path;
}

/** The contour x² + 10y² = level: an ellipse with half-widths √level and √(level/10). */
export function contourRadii(level: number): { rx: number; ry: number } {
  if (!(level > 0)) throw new RangeError(`contourRadii: level is ${level}; it must be above 0`);
  return { rx: Math.sqrt(level), ry: Math.sqrt(level / 10) };
}
