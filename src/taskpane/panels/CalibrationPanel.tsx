import { Button, Field, makeStyles, SpinButton, Switch, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { distributions } from "../../core/distributions";
import { nineBox } from "../../core/nine-box";
import { personKey } from "../../core/names";
import { RATINGS_KEY } from "../../sheets/ratings-sheet";
import type { SessionSettings } from "../../sheets/nine-box-sheet";
import { readCareerMatrix, scoreRatings } from "../../workbook/commands";
import { CalibrationSession } from "../components/CalibrationSession";
import { CalibrationView } from "../components/CalibrationView";
import { NineBoxGrid } from "../components/NineBoxGrid";
import { Panel, Section } from "../components/Panel";
import { StatusSummary } from "../components/StatusSummary";
import { TaskFeedback } from "../components/TaskFeedback";
import type { Scoring } from "../scoring";
import { useServices } from "../services";
import { useTask } from "../use-task";

const useStyles = makeStyles({
  settings: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "end" },
  setting: { width: "120px" },
  outside: { margin: 0, paddingLeft: "18px" },
});

/** A share typed as a whole percent, or null when blank or not a number in 0–100. */
function share(percent: number | null | undefined): number | null {
  return percent === null || percent === undefined || Number.isNaN(percent) || percent < 0 || percent > 100
    ? null
    : percent / 100;
}

/**
 * For a calibration session on a shared screen: the session itself (start, log, end), the 9-box with the session's
 * thresholds, where people stand per level, and which raters stand out.
 */
export function CalibrationPanel({
  scoring,
  onScore,
  onScored,
}: {
  scoring?: Scoring;
  onScore(): void;
  onScored?(scoring: Scoring): void;
}) {
  const styles = useStyles();
  const { host, framework } = useServices();
  const task = useTask();
  const selectTask = useTask();
  const [large, setLarge] = useState(false);
  const session = scoring?.result.session;
  const [ready, setReady] = useState<number | null>(null);
  const [almost, setAlmost] = useState<number | null>(null);
  const [guideline, setGuideline] = useState<number | null | undefined>(undefined);
  const calibration = scoring?.result.calibration;

  const settings: SessionSettings | undefined = session && {
    ready: share(ready) ?? session.ready,
    almost: share(almost) ?? session.almost,
    guideline: guideline === undefined ? session.guideline : share(guideline),
  };
  const box = useMemo(
    () => scoring && session && nineBox(scoring.matrix.scoring, scoring.result.scored, session),
    [scoring, session],
  );
  const spread = useMemo(
    () =>
      scoring &&
      session &&
      distributions(scoring.matrix.scoring, scoring.result.scored, session, session.guideline),
    [scoring, session],
  );

  const rescore = (next?: SessionSettings) =>
    void task.run("Redrawing the 9-box and the heatmaps", async () => {
      const result = await scoreRatings(host, framework, next);
      const { matrix } = await readCareerMatrix(host, framework);
      setReady(null);
      setAlmost(null);
      setGuideline(undefined);
      onScored?.({ result, matrix, framework, computedAt: new Date(), origin: "scored" });
    });

  const select = (person: string) => {
    const row = scoring?.result.scored.find((s) => personKey(s.person.person) === personKey(person))?.person
      .row;
    if (row !== undefined)
      void selectTask.run(`Selecting ${person}`, () => host.select(RATINGS_KEY, `${row}:${row}`));
  };

  const percentField = (
    label: string,
    value: number | null,
    fallback: number | null,
    set: (v: number | null) => void,
  ) => (
    <Field label={label} className={styles.setting}>
      <SpinButton
        value={value ?? (fallback === null ? null : Math.round(fallback * 100))}
        displayValue={value === null && fallback === null ? "" : undefined}
        min={0}
        max={100}
        step={5}
        onChange={(_, d) => set(d.value ?? (d.displayValue ? Number.parseFloat(d.displayValue) : null))}
      />
    </Field>
  );

  return (
    <Panel intro="Run a calibration session in the workbook: the 9-box, where people stand per level, the raters whose ratings run higher or lower than others', and a log of every change with its reason.">
      <Section title="Session">
        <CalibrationSession onEnded={() => rescore()} />
      </Section>
      {!calibration || !scoring || !box || !settings ? (
        <Section title="Nothing scored yet">
          <Text as="p" block>
            The 9-box, the distributions and the raters' effects are drawn from scored ratings, and this
            workbook has none yet. Type the ratings on the Ratings sheet, then score them on the Score tab; a
            session can start at any time.
          </Text>
          <div>
            <Button appearance="primary" onClick={onScore}>
              Open Score
            </Button>
          </div>
        </Section>
      ) : (
        <div
          style={{ display: "flex", flexDirection: "column", gap: "14px", zoom: large ? 1.25 : undefined }}
        >
          <Switch
            label="Large text for a shared screen"
            checked={large}
            onChange={(_, d) => setLarge(d.checked)}
          />
          <Section title="9-box">
            <div className={styles.settings}>
              {percentField("Ready at (%)", ready, settings.ready, setReady)}
              {percentField("Almost at (%)", almost, settings.almost, setAlmost)}
              {percentField(
                "At most Ready (%)",
                guideline === undefined ? null : guideline,
                guideline === undefined ? settings.guideline : null,
                (v) => setGuideline(v),
              )}
              <Button disabled={task.running !== undefined} onClick={() => rescore(settings)}>
                Redraw the 9-box
              </Button>
            </div>
            <TaskFeedback task={task} failureTitle="Could not redraw the 9-box" />
            <NineBoxGrid box={box} onSelect={select} />
            <TaskFeedback task={selectTask} failureTitle="Could not select the row" />
          </Section>
          {spread && spread.guideline !== null && (
            <Section title={`Above the guideline (more than ${Math.round(spread.guideline * 100)}% Ready)`}>
              <ul className={styles.outside} aria-label="Above the guideline">
                {[
                  ...spread.byTeam.map((t) => ["Team", t] as const),
                  ...spread.byRater.map((r) => ["Rater", r] as const),
                ]
                  .filter(([, row]) => row.outside)
                  .map(([kind, row]) => (
                    <li key={`${kind}:${row.group}`}>
                      {kind} {row.group}: {row.counts.ready} of {row.people} Ready (
                      {Math.round(row.readyShare * 100)}%)
                    </li>
                  ))}
              </ul>
            </Section>
          )}
          <Section title="Everyone, at their current level">
            <StatusSummary counts={calibration.totals} label="Everyone by status at their current level" />
          </Section>
          <CalibrationView calibration={calibration} matrix={scoring.matrix} />
        </div>
      )}
    </Panel>
  );
}
