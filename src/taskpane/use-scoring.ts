/** The scores the Score and Calibration tabs show, rebuilt from the workbook rather than kept only in the pane. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Scoring } from "./scoring";
import { loadCommands } from "./load-commands";
import { useServices } from "./services";

export interface ScoringState {
  scoring: Scoring | undefined;
  /** A result the user's own action just produced. */
  scored(scoring: Scoring): void;
  /** Reads the scores again from the sheets as they stand (writing nothing), e.g. when a tab is shown. */
  reread(): void;
}

/**
 * On opening, the pane rebuilds the last scores from the workbook (a reopened pane is not empty), and `reread` does
 * the same whenever a tab that shows them comes into view, so the ribbon's Refresh heatmaps or edits typed on the
 * sheets never leave an older result on screen. A read that finishes after a newer result is dropped.
 */
export function useScoring(): ScoringState {
  const { host, framework } = useServices();
  const [scoring, setScoring] = useState<Scoring | undefined>();
  const latest = useRef(0);

  const reread = useCallback(() => {
    const ticket = ++latest.current;
    void (async () => {
      try {
        const { readScores, readCareerMatrix } = await loadCommands();
        const result = await readScores(host, framework);
        if (!result) return;
        const { matrix } = await readCareerMatrix(host, framework);
        if (ticket === latest.current)
          setScoring({ result, matrix, framework, computedAt: new Date(), origin: "read" });
      } catch {
        // Reading again is a convenience: on failure the pane keeps what it shows, dated, and Score still works.
      }
    })();
  }, [host, framework]);

  const scored = useCallback((next: Scoring) => {
    latest.current++;
    setScoring(next);
  }, []);

  useEffect(() => reread(), [reread]);

  return { scoring, scored, reread };
}
