import {
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  SpinButton,
  Switch,
  Text,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { byLevel } from "../../core/calibration";
import { distributions, raterLabel, teamLabel } from "../../core/distributions";
import type { PersonReadiness, StatusCounts } from "../../core/types";
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
import { levelTitle } from "../format";
import { useServices } from "../services";
import { useTask } from "../use-task";

const useStyles = makeStyles({
  settings: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "end" },
  setting: { width: "120px" },
  outside: { margin: 0, paddingLeft: "18px" },
  filters: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "end" },
  filter: { minWidth: "120px", flexGrow: 1, flexBasis: "120px" },
});

const ALL = "";

/** The values a filter offers, as the sheets show them, sorted; each once. */
function choices(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

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
  // Filters by team, rater and level: the 9-box, the distributions and the lists show only the people chosen.
  const [team, setTeam] = useState(ALL);
  const [rater, setRater] = useState(ALL);
  const [level, setLevel] = useState(ALL);
  const everyone = useMemo(() => scoring?.result.scored ?? [], [scoring]);
  const levelKey = (p: PersonReadiness) => `${p.person.track}|${p.person.level}`;
  const offered = useMemo(
    () => ({
      teams: choices(everyone.map((p) => teamLabel(p.person.team))),
      raters: choices(everyone.map((p) => raterLabel(p.person.rater))),
      levels: [...new Map(everyone.map((p) => [levelKey(p), p])).entries()]
        .map(([key, p]) => ({
          key,
          title: scoring ? levelTitle(scoring.matrix, p.person.track, p.person.level) : key,
        }))
        .sort((a, b) => a.title.localeCompare(b.title)),
    }),
    [everyone, scoring],
  );
  const people = useMemo(
    () =>
      everyone.filter(
        (p) =>
          (team === ALL || teamLabel(p.person.team) === team) &&
          (rater === ALL || raterLabel(p.person.rater) === rater) &&
          (level === ALL || levelKey(p) === level),
      ),
    [everyone, team, rater, level],
  );
  const filtered = people.length !== everyone.length;
  const box = useMemo(
    () => scoring && session && nineBox(scoring.matrix.scoring, people, session),
    [scoring, session, people],
  );
  const spread = useMemo(
    () => scoring && session && distributions(scoring.matrix.scoring, people, session, session.guideline),
    [scoring, session, people],
  );
  const view = useMemo(() => {
    if (!scoring || !calibration) return undefined;
    const names = new Set(people.map((p) => p.person.person));
    const raters = new Set(people.map((p) => raterLabel(p.person.rater)));
    const levels = byLevel(scoring.matrix, people);
    const totals: StatusCounts = { ready: 0, almost: 0, "not-yet": 0, insufficient: 0 };
    for (const l of levels)
      for (const s of Object.keys(totals) as (keyof StatusCounts)[]) totals[s] += l.counts[s];
    return {
      byLevel: levels,
      totals,
      // The rater model is fitted on everyone: a filter shows the raters of the people chosen, not a new fit.
      raters: calibration.raters.filter((r) => raters.has(raterLabel(r.rater))),
      outliers: calibration.outliers.filter((o) => names.has(o.person)),
    };
  }, [scoring, calibration, people]);

  const rescore = (next?: SessionSettings) =>
    void task.run("Redrawing the 9-box and the heatmaps", async () => {
      const result = await scoreRatings(host, framework, next);
      const { matrix } = await readCareerMatrix(host, framework);
      setReady(null);
      setAlmost(null);
      setGuideline(undefined);
      onScored?.({ result, matrix, framework, computedAt: new Date(), origin: "scored" });
    });

  const selectRow = (p: PersonReadiness) =>
    void selectTask.run(`Selecting ${p.person.person}`, () =>
      host.select(RATINGS_KEY, `${p.person.row}:${p.person.row}`),
    );

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
      {!calibration || !scoring || !box || !settings || !view ? (
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
          <Section title="Show">
            <div className={styles.filters}>
              <Field label="Team" className={styles.filter}>
                <Select value={team} onChange={(_, d) => setTeam(d.value)}>
                  <option value={ALL}>All teams</option>
                  {offered.teams.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </Select>
              </Field>
              <Field label="Rater" className={styles.filter}>
                <Select value={rater} onChange={(_, d) => setRater(d.value)}>
                  <option value={ALL}>All raters</option>
                  {offered.raters.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </Select>
              </Field>
              <Field label="Level" className={styles.filter}>
                <Select value={level} onChange={(_, d) => setLevel(d.value)}>
                  <option value={ALL}>All levels</option>
                  {offered.levels.map((l) => (
                    <option key={l.key} value={l.key}>
                      {l.title}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <Caption1 role="status">
              {filtered
                ? `Showing ${people.length} of ${everyone.length} people.`
                : `Showing all ${everyone.length} people.`}
            </Caption1>
            {filtered && (
              <div>
                <Button
                  size="small"
                  onClick={() => {
                    setTeam(ALL);
                    setRater(ALL);
                    setLevel(ALL);
                  }}
                >
                  Show everyone
                </Button>
              </div>
            )}
          </Section>
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
            <StatusSummary counts={view.totals} label="Everyone by status at their current level" />
          </Section>
          <CalibrationView calibration={view} matrix={scoring.matrix} people={people} onSelect={selectRow} />
        </div>
      )}
    </Panel>
  );
}
