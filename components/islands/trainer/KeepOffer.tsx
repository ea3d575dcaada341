/**
 * Under a run's results: the warning of a run that collapsed, and, when the
 * run's network did not replace a better kept one (keep-rule.ts), the button
 * that keeps it anyway.
 */
interface Props {
  /** The run's warning (lib's `History.warning`), if it collapsed. */
  warning: string | null;
  /** Why the run's network waits instead of being kept; null when it was kept. */
  question: string | null;
  /** The button's label: "instead" only when a kept network would be replaced (keep-rule.ts's `keepButton`). */
  button: string;
  keepPending: () => void;
}

export default function KeepOffer({ warning, question, button, keepPending }: Props) {
  if (!warning && !question) return null;
  return (
    <div class="tr-keep-offer" role="alert">
      {warning && !question && <p>{warning.replace(/^train: t/, "T")}</p>}
      {question && (
        <p>
          {question}{" "}
          <button type="button" onClick={keepPending}>{button}</button>
        </p>
      )}
    </div>
  );
}
