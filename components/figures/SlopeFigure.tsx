/**
 * Chapter 8's figure: f(x) = (x − 3)² with its tangents at x = 1 (slope −4),
 * x = 3 (slope 0) and x = 5 (slope 4), and the two nearby points a central
 * difference uses around x = 1 (drawn far apart, so they can be seen).
 * Static: rendered when the site is built, with a text alternative.
 */
import { curve, tangent, toSvg } from "./curves.ts";
import { CURVE_LABEL, H, SLOPE_FRAME as F } from "./slope.ts";
import "./figures.css";
import "./curves.css";

const f = (x: number) => (x - 3) ** 2;
const ALT =
  "The curve f(x) = (x − 3)² with three tangent lines: falling with slope −4 at x = 1, flat at the bottom x = 3, rising with slope 4 at x = 5. A dashed line through the points x − h and x + h, on either side of x = 1, runs just above the tangent at x = 1 with the same slope.";
const CAPTION = "The slope of f at a point is the slope of its tangent there; two nearby points give nearly the same slope.";

export default function SlopeFigure() {
  const [x0, y0] = toSvg(F, F.xMin, 0);
  const [x1] = toSvg(F, F.xMax, 0);
  const [, yTop] = toSvg(F, 0, F.yMax);
  const [, yBottom] = toSvg(F, 0, F.yMin);
  const dot = (x: number, cls = "cv-dot") => {
    const [cx, cy] = toSvg(F, x, f(x));
    return <circle class={cls} cx={cx} cy={cy} r={4} />;
  };
  const note = (x: number, y: number, label: string, anchor = "start") => {
    const [tx, ty] = toSvg(F, x, y);
    return (
      <text class="cv-note" x={tx} y={ty} text-anchor={anchor}>
        {label}
      </text>
    );
  };
  return (
    <figure class="figure cv-fig">
      <div class="figure-art" role="img" aria-label={ALT} style={{ maxWidth: "520px" }}>
        <svg viewBox={`0 0 ${F.width} ${F.height}`} aria-hidden="true">
          <line class="cv-axis" x1={x0} x2={x1} y1={y0} y2={y0} />
          <line class="cv-axis" x1={toSvg(F, 0, 0)[0]} x2={toSvg(F, 0, 0)[0]} y1={yTop} y2={yBottom} />
          {[0, 1, 2, 3, 4, 5, 6].map((t) => {
            const [tx] = toSvg(F, t, 0);
            return (
              <text key={t} class="cv-tick" x={tx} y={y0 + 14} text-anchor="middle">
                {t}
              </text>
            );
          })}
          <path class="cv-curve" d={curve(F, f, -0.2, 6.2)} />
          <path class="cv-line" d={tangent(F, 1, f(1), -4, 0.15, 2.1)} />
          <path class="cv-line" d={tangent(F, 3, 0, 0, 2, 4)} />
          <path class="cv-line" d={tangent(F, 5, f(5), 4, 3.9, 5.85)} />
          <path class="cv-chord" d={`M${toSvg(F, 1 - H, f(1 - H)).join(",")} L${toSvg(F, 1 + H, f(1 + H)).join(",")}`} />
          {dot(1 - H, "cv-dot-warn")}
          {dot(1 + H, "cv-dot-warn")}
          {dot(1)}
          {dot(3)}
          {dot(5)}
          {note(1.25, 4.4, "slope −4")}
          {note(3, 0.6, "slope 0", "middle")}
          {note(4.75, 4.4, "slope 4", "end")}
          {note(1 - H + 0.2, f(1 - H) + 0.2, "x − h")}
          {note(1 + H + 0.2, f(1 + H) + 1, "x + h")}
          <text class="cv-label" x={toSvg(F, CURVE_LABEL.x, 0)[0]} y={toSvg(F, 0, CURVE_LABEL.y)[1]} text-anchor="middle">
            f(x) = (x − 3)²
          </text>
        </svg>
      </div>
      <figcaption>{CAPTION}</figcaption>
    </figure>
  );
}
