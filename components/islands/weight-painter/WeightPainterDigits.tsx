/**
 * WeightPainter's lower half: ten real digits to choose from, each with a
 * bulb that lights as brightly as the neuron does for it, and for the chosen
 * one the digit, its pixel-by-pixel products with the weights, and the sum
 * worked out to the neuron's output. The arithmetic is weight-painter.ts'.
 */
import { useEffect, useRef } from "preact/hooks";
import { contributions, respond, SIDE, type Palette } from "./weight-painter.ts";
import { rgba } from "../shared/colours.ts";
import { paintCells } from "../shared/canvas.ts";
import { fixed } from "../shared/numbers.ts";

export interface Digit {
  pixels: Float32Array;
  label: number;
}

interface Props {
  digits: Digit[];
  selected: number;
  onSelect(label: number): void;
  weights: Float32Array;
  bias: number;
  palette: Palette;
  weightFill(v: number): string;
}

export default function WeightPainterDigits({ digits, selected, onSelect, weights, bias, palette, weightFill }: Props) {
  const digitCanvas = useRef<HTMLCanvasElement>(null);
  const partsCanvas = useRef<HTMLCanvasElement>(null);
  const thumbs = useRef<(HTMLCanvasElement | null)[]>([]);
  const current = digits.find((d) => d.label === selected) ?? digits[0];
  const parts = contributions(weights, current.pixels);
  const response = respond(weights, current.pixels, bias);

  useEffect(() => {
    const ink = (v: number) => rgba(palette.fg, Math.min(1, v));
    paintCells(digitCanvas.current, [{ values: current.pixels, colour: ink }], SIDE, palette.bg);
    paintCells(partsCanvas.current, [{ values: parts, colour: weightFill }], SIDE, palette.bg);
    digits.forEach((d, i) => paintCells(thumbs.current[i] ?? null, [{ values: d.pixels, colour: ink }], SIDE, palette.bg));
  }, [palette, weights, current, digits]);

  return (
    <>
      <div class="wp-digits" role="group" aria-label="Real handwritten digits: choose one to look at">
        {digits.map((d, i) => {
          const r = respond(weights, d.pixels, bias);
          return (
            <button
              type="button" key={d.label} class="wp-digit" aria-pressed={d.label === selected}
              aria-label={`A handwritten ${d.label}: weighted sum ${fixed(r.sum)}, output ${fixed(r.activation, 2)}`}
              onClick={() => onSelect(d.label)}
            >
              <canvas ref={(el) => void (thumbs.current[i] = el)} width={56} height={56} aria-hidden="true" />
              <span class="wp-bulb" aria-hidden="true">
                <span style={{ opacity: r.activation }} />
              </span>
              {/* The same one-decimal sum as the button's name, so what is seen is what is heard. */}
              <span class="wp-digit-sum" aria-hidden="true">{fixed(r.sum)}</span>
            </button>
          );
        })}
      </div>

      <div class="wp-detail">
        <figure class="wp-panel">
          <canvas ref={digitCanvas} width={280} height={280} role="img" aria-label={`The handwritten ${current.label}`} />
          <figcaption>the digit x</figcaption>
        </figure>
        <figure class="wp-panel">
          <canvas
            ref={partsCanvas} width={280} height={280} role="img"
            aria-label="Each pixel times its weight: positive where ink meets positive weights, negative where it meets negative ones"
          />
          <figcaption>w · x, pixel by pixel</figcaption>
        </figure>
        <div class="wp-readout" aria-live="polite">
          <p>Σ w·x = <strong>{fixed(response.sum)}</strong></p>
          <p>
            + b = {fixed(response.sum)} {bias < 0 ? "−" : "+"} {fixed(Math.abs(bias), 0)} = <strong>{fixed(response.z)}</strong>
          </p>
          <p>σ({fixed(response.z)}) = <strong>{fixed(response.activation, 3)}</strong></p>
          <p class="wp-verdict">{response.activation >= 0.5 ? `The neuron lights up for this ${current.label}.` : `The neuron stays dark for this ${current.label}.`}</p>
        </div>
      </div>
    </>
  );
}
