/**
 * Chapter 9's figure: one neuron as a computation graph. Values flow forwards
 * (solid arrows, left to right); the slopes of the chain rule flow backwards
 * (dashed arcs, right to left), each labelled with its local slope.
 * Static: rendered when the site is built, with a text alternative. On a
 * phone the chain is drawn from top to bottom instead, so that its text
 * stays at least 11 px tall (curves.css switches between the two).
 */
import "./figures.css";
import "./curves.css";

const BOXES = [
  { x: 8, y: 22, w: 44, label: "x" },
  { x: 8, y: 84, w: 44, label: "w" },
  { x: 148, y: 2, w: 44, label: "b" },
  { x: 120, y: 52, w: 100, label: "z = wx + b" },
  { x: 270, y: 52, w: 76, label: "a = σ(z)" },
  { x: 396, y: 52, w: 100, label: "L = (a − y)²" },
];

/** An arrowhead at (x, y) pointing along the angle a. */
const head = (x: number, y: number, a: number) => {
  const tip = (t: number) => `${x - 8 * Math.cos(a + t)},${y - 8 * Math.sin(a + t)}`;
  return `M${x},${y} L${tip(0.45)} L${tip(-0.45)} Z`;
};

function Forward({ x1, y1, x2, y2 }: { x1: number; y1: number; x2: number; y2: number }) {
  return (
    <g>
      <path class="cv-edge" d={`M${x1},${y1} L${x2},${y2}`} />
      <path class="cv-arrow" d={head(x2, y2, Math.atan2(y2 - y1, x2 - x1))} />
    </g>
  );
}

/** A dashed arc below the boxes from (x1, y1) to (x2, y2), bulging down to depth `dip`. */
function Backward({ x1, y1, x2, y2, dip }: { x1: number; y1: number; x2: number; y2: number; dip: number }) {
  const cx = (x1 + x2) / 2;
  return (
    <g>
      <path class="cv-back" d={`M${x1},${y1} Q${cx},${dip} ${x2},${y2}`} />
      <path class="cv-arrow-back" d={head(x2, y2, Math.atan2(y2 - dip, x2 - cx))} />
    </g>
  );
}

const ALT =
  "One neuron as a chain of boxes: x, w and b go into z = wx + b, then a = σ(z), then the loss L = (a − y)². Dashed arrows run backwards from L to a, from a to z and from z to w, labelled with the local slopes 2(a − y), a(1 − a) and x. The slope back to b, ∂z/∂b = 1, is left out: its path ends like w's.";
/** A formula of the caption, kept on one line. */
const F = ({ children }: { children: string }) => <span style={{ whiteSpace: "nowrap" }}>{children}</span>;
const CAPTION = (
  <>
    Values flow forwards; slopes flow backwards and multiply: <F>∂L/∂w = 2(a − y) · a(1 − a) · x</F>. The dashed path back
    to b is left out: it is w's with its last slope <F>∂z/∂b = 1</F> in place of x.
  </>
);

export default function GraphFigure() {
  return (
    <figure class="figure cv-fig">
      <div class="figure-art" role="img" aria-label={ALT} style={{ maxWidth: "520px" }}>
        <svg class="cv-wide" viewBox="0 0 504 176" aria-hidden="true">
          {BOXES.map((b) => (
            <g key={b.label}>
              <rect class="cv-node" x={b.x} y={b.y} width={b.w} height={34} rx={8} />
              <text class="cv-node-text" x={b.x + b.w / 2} y={b.y + 22} text-anchor="middle">
                {b.label}
              </text>
            </g>
          ))}
          <Forward x1={52} y1={39} x2={120} y2={62} />
          <Forward x1={52} y1={101} x2={120} y2={78} />
          <Forward x1={170} y1={36} x2={170} y2={52} />
          <Forward x1={220} y1={69} x2={270} y2={69} />
          <Forward x1={346} y1={69} x2={396} y2={69} />
          <Backward x1={446} y1={88} x2={310} y2={88} dip={130} />
          <Backward x1={306} y1={88} x2={172} y2={88} dip={130} />
          <Backward x1={160} y1={88} x2={54} y2={112} dip={134} />
          <text class="cv-note" x={378} y={134} text-anchor="middle">
            ∂L/∂a = 2(a − y)
          </text>
          <text class="cv-note" x={239} y={134} text-anchor="middle">
            ∂a/∂z = a(1 − a)
          </text>
          <text class="cv-note" x={104} y={146} text-anchor="middle">
            ∂z/∂w = x
          </text>
          <text class="cv-label" x={300} y={16} text-anchor="middle">
            forwards: values →
          </text>
          <text class="cv-label" x={300} y={168} text-anchor="middle">
            ← backwards: slopes, multiplied along the way
          </text>
        </svg>
        <Narrow />
      </div>
      <figcaption>{CAPTION}</figcaption>
    </figure>
  );
}

/** The same chain from top to bottom, for narrow screens: boxes on the right, slopes on the left. */
const TALL = [
  { x: 164, y: 8, w: 38, label: "w" },
  { x: 209, y: 8, w: 38, label: "x" },
  { x: 254, y: 8, w: 38, label: "b" },
  { x: 164, y: 76, w: 128, label: "z = wx + b" },
  { x: 164, y: 144, w: 128, label: "a = σ(z)" },
  { x: 164, y: 212, w: 128, label: "L = (a − y)²" },
];

function Narrow() {
  const arc = (y1: number, y2: number) => {
    const mid = (y1 + y2) / 2;
    return (
      <g>
        <path class="cv-back" d={`M162,${y1} Q124,${mid} 162,${y2}`} />
        <path class="cv-arrow-back" d={head(162, y2, Math.atan2(y2 - mid, 162 - 124))} />
      </g>
    );
  };
  return (
    <svg class="cv-tall" viewBox="0 0 300 290" aria-hidden="true">
      {TALL.map((b) => (
        <g key={b.label}>
          <rect class="cv-node" x={b.x} y={b.y} width={b.w} height={34} rx={8} />
          <text class="cv-node-text" x={b.x + b.w / 2} y={b.y + 22} text-anchor="middle">
            {b.label}
          </text>
        </g>
      ))}
      <Forward x1={183} y1={42} x2={200} y2={76} />
      <Forward x1={228} y1={42} x2={228} y2={76} />
      <Forward x1={273} y1={42} x2={256} y2={76} />
      <Forward x1={228} y1={110} x2={228} y2={144} />
      <Forward x1={228} y1={178} x2={228} y2={212} />
      {arc(229, 161)}
      {arc(161, 93)}
      {arc(93, 25)}
      <text class="cv-note" x={4} y={199}>
        ∂L/∂a = 2(a − y)
      </text>
      <text class="cv-note" x={4} y={131}>
        ∂a/∂z = a(1 − a)
      </text>
      <text class="cv-note" x={4} y={63}>
        ∂z/∂w = x
      </text>
      <text class="cv-label" x={4} y={266}>
        solid: values, forwards
      </text>
      <text class="cv-label" x={4} y={284}>
        dashed: slopes, backwards, multiplied
      </text>
    </svg>
  );
}
