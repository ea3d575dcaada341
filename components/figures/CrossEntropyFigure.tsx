/**
 * Chapter 7's figure: the cross-entropy of one sample, −ln p, against the
 * probability p given to the true answer. Static: rendered when the site is
 * built, coloured from the theme, with a text alternative.
 */
import { curve, toSvg } from "./curves.ts";
import { CE_FRAME as F, CE_MARKS } from "./cross-entropy.ts";
import "./figures.css";
import "./curves.css";


const ALT =
  "A falling curve: the cross-entropy of one sample, −ln p, against the probability p given to the true digit. It is very large when p is near 0, 2.30 at p = 0.1, 0.69 at p = 0.5, and 0 at p = 1.";
const CAPTION = "The cross-entropy of one sample: −ln p for the probability p given to the true digit.";

export default function CrossEntropyFigure() {
  const [x0, y0] = toSvg(F, 0, 0);
  const [x1, y1] = toSvg(F, 1, F.yMax);
  return (
    <figure class="figure cv-fig">
      <div class="figure-art" role="img" aria-label={ALT} style={{ maxWidth: "520px" }}>
        <svg viewBox={`0 0 ${F.width} ${F.height}`} aria-hidden="true">
          {[0, 1, 2, 3, 4, 5].map((t) => {
            const [, ty] = toSvg(F, 0, t);
            return (
              <g key={t}>
                <line class="cv-grid" x1={x0} x2={x1} y1={ty} y2={ty} />
                <text class="cv-tick" x={x0 - 6} y={ty + 4} text-anchor="end">
                  {t}
                </text>
              </g>
            );
          })}
          {[0, 0.25, 0.5, 0.75, 1].map((t) => {
            const [tx] = toSvg(F, t, 0);
            return (
              <text key={t} class="cv-tick" x={tx} y={y0 + 16} text-anchor="middle">
                {t}
              </text>
            );
          })}
          <line class="cv-axis" x1={x0} x2={x1} y1={y0} y2={y0} />
          <line class="cv-axis" x1={x0} x2={x0} y1={y1} y2={y0} />
          <path class="cv-curve" d={curve(F, (p) => -Math.log(p), 0.005, 1)} />
          {CE_MARKS.map(({ p, label, dx, dy, anchor }) => {
            const [mx, my] = toSvg(F, p, -Math.log(p));
            return (
              <g key={p}>
                <circle class="cv-dot" cx={mx} cy={my} r={4} />
                <text class="cv-note" x={mx + dx} y={my + dy} text-anchor={anchor}>
                  {label}
                </text>
              </g>
            );
          })}
          <text class="cv-label" x={(x0 + x1) / 2} y={F.height - 4} text-anchor="middle">
            p, the probability given to the true digit
          </text>
          <text class="cv-label" x={x0 + 6} y={y1 + 10}>
            −ln p
          </text>
        </svg>
      </div>
      <figcaption>{CAPTION}</figcaption>
    </figure>
  );
}
