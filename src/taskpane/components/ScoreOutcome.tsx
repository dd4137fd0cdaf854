import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { type ReactElement, useEffect, useRef } from "react";
import { listNames } from "../../core/names";
import { NO_MANAGER_RATING, ratingRuleNote, STATUS_WORD } from "../../core/vocabulary";
import type { ScoreResult } from "../../workbook/commands";
import { clockTime, plural } from "../format";

/** More than this share of the people scored with too few ratings for a status, and the result says so first. */
export const LITTLE_RATED_SHARE = 0.5;

const useStyles = makeStyles({
  result: { display: "flex", flexDirection: "column", gap: "8px" },
  skipped: { margin: "4px 0 0", paddingLeft: "18px" },
});

/**
 * What scoring did and did not do, in that order: how many of the Ratings sheet's people were scored, who was left
 * out and why, a warning when nothing or little is rated, and the next step. It takes the focus when it appears, so a
 * keyboard or screen-reader user lands on the result of the action.
 */
export function ScoreOutcome({
  result,
  computedAt,
  origin,
  onGoToRatings,
  onNext,
}: {
  result: ScoreResult;
  computedAt: Date;
  origin: "scored" | "read";
  onGoToRatings(): void;
  onNext(): void;
}) {
  const styles = useStyles();
  const region = useRef<HTMLDivElement>(null);
  // Only the user's own action moves the focus; a result read again when a tab is shown leaves it where it is.
  useEffect(() => {
    if (origin === "scored") region.current?.focus();
  }, [result, origin]);

  const scored = result.scored.length;
  const insufficient = result.counts.insufficient;
  const outOf = `Scored ${scored} of ${plural(result.rows, "person", "people")}`;
  const when =
    origin === "scored"
      ? `Computed at ${clockTime(computedAt)}.`
      : `Read from the workbook's sheets at ${clockTime(computedAt)}.`;

  let message: ReactElement | null = null;
  if (scored === 0) message = null;
  else if (result.rated === 0)
    message = (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>No ratings yet</MessageBarTitle>
          {outOf}, but nobody has a rating, so every status is {STATUS_WORD.insufficient}. Type ratings on the
          Ratings sheet (blank means not assessed), then score again.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onGoToRatings}>Go to the Ratings sheet</Button>
        </MessageBarActions>
      </MessageBar>
    );
  else if (insufficient > scored * LITTLE_RATED_SHARE)
    message = (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Few ratings yet</MessageBarTitle>
          {outOf}; {insufficient} of them have too few ratings for their next level to get a status (
          {STATUS_WORD.insufficient}). Type more ratings on the Ratings sheet, then score again.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onGoToRatings}>Go to the Ratings sheet</Button>
        </MessageBarActions>
      </MessageBar>
    );
  else
    message = (
      <MessageBar intent={result.skipped.length > 0 ? "warning" : "success"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{outOf}</MessageBarTitle>
          {origin === "scored" ? "Heatmaps written. " : ""}Next: open Calibration to see where people stand,
          or read the Readiness sheet.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onNext}>Open Calibration</Button>
        </MessageBarActions>
      </MessageBar>
    );

  return (
    <div ref={region} tabIndex={-1} role="region" aria-label="Scoring result" className={styles.result}>
      {message}
      {result.skipped.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{plural(result.skipped.length, "row")} skipped</MessageBarTitle>
            <ul className={styles.skipped}>
              {result.skipped.map((s) => (
                <li key={s.row}>
                  Row {s.row}
                  {s.person ? ` (${s.person})` : ""}: {s.reason.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {result.awaiting.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {NO_MANAGER_RATING}: {plural(result.awaiting.length, "person", "people")}
            </MessageBarTitle>
            {listNames(
              result.awaiting.map((p) => p.person),
              6,
              "and",
            )}{" "}
            {result.awaiting.length === 1 ? "has" : "have"} ratings, but none from their manager: the
            Readiness sheet shows them as {NO_MANAGER_RATING} until a row with Source Manager (or blank) is
            typed for them.
          </MessageBarBody>
        </MessageBar>
      )}
      {scored > 0 && (
        <Caption1>
          {when} {ratingRuleNote(result.rule)}
        </Caption1>
      )}
    </div>
  );
}
