import { Badge, Button, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { CareerMatrix } from "../../core/matrix";
import type { Calibration, PersonReadiness, ReadinessStatus, StatusCounts } from "../../core/types";
import { STATUS_LABEL, STATUS_ORDER } from "../../sheets/status";
import { competencyName, levelTitle, percent, plural, signed } from "../format";
import { StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "10px",
  },
  bar: {
    display: "flex",
    height: "20px",
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    marginTop: "4px",
  },
  segment: {
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: "14px",
  },
  ready: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorPaletteGreenForeground2 },
  almost: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  notYet: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  insufficient: { backgroundColor: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground2 },
  counts: { display: "block", color: tokens.colorNeutralForeground2, marginTop: "2px" },
  rater: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  raterLine: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap" },
  // The bar is the button that lists the level's people: the whole width is the target.
  barButton: {
    display: "block",
    width: "100%",
    padding: 0,
    border: "none",
    background: "none",
    textAlign: "left",
    cursor: "pointer",
    color: "inherit",
    font: "inherit",
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  people: {
    listStyleType: "none",
    margin: "6px 0 0",
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  person: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    paddingLeft: "8px",
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
  },
  toggle: { color: tokens.colorBrandForegroundLink, textDecorationLine: "underline" },
  personLine: { display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap" },
});

function countsText(counts: StatusCounts): string {
  return STATUS_ORDER.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${STATUS_LABEL[s].toLowerCase()}`)
    .join(" · ");
}

/** One level's statuses as a bar of proportional segments, with the counts written out beneath. */
function DistributionBar({ counts }: { counts: StatusCounts }) {
  const styles = useStyles();
  const segmentClass: Record<ReadinessStatus, string> = {
    ready: styles.ready,
    almost: styles.almost,
    "not-yet": styles.notYet,
    insufficient: styles.insufficient,
  };
  return (
    <>
      <div className={styles.bar} aria-hidden>
        {STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => (
          <div key={s} className={`${styles.segment} ${segmentClass[s]}`} style={{ flexGrow: counts[s] }}>
            {counts[s]}
          </div>
        ))}
      </div>
      <Caption1 className={styles.counts}>{countsText(counts)}</Caption1>
    </>
  );
}

/** One level: its bar, which opens the list of its people (status, readiness, blockers, rater, their row). */
function LevelRow({
  title,
  counts,
  people,
  matrix,
  onSelect,
}: {
  title: string;
  counts: StatusCounts;
  people: PersonReadiness[];
  matrix: CareerMatrix;
  onSelect(person: PersonReadiness): void;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = `people-${title.replace(/\W+/g, "-")}`;
  return (
    <li>
      <button
        type="button"
        className={styles.barButton}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => setOpen(!open)}
      >
        <Text weight="semibold">{title}</Text>
        <DistributionBar counts={counts} />
        <Caption1 className={styles.toggle}>
          {open ? "Hide" : "Show"} {plural(people.length, "person", "people")}
        </Caption1>
      </button>
      {open && (
        <ul id={listId} className={styles.people} aria-label={`People at ${title}`}>
          {people.map((p) => {
            const current = p.current;
            const blockers = (current?.blockers ?? [])
              .slice(0, 2)
              .map((b) => competencyName(matrix, p.person.track, b.competency));
            return (
              <li key={`${p.person.row}:${p.person.person}`} className={styles.person}>
                <span className={styles.personLine}>
                  <Text weight="semibold">{p.person.person}</Text>
                  {current && <StatusBadge status={current.status} />}
                  {current && <Caption1>{percent(current.readiness)} met</Caption1>}
                </span>
                {blockers.length > 0 && <Caption1>Below expectation: {blockers.join(", ")}</Caption1>}
                <Caption1>
                  {p.person.rater.trim() ? `Rated by ${p.person.rater.trim()}` : "No rater named"}
                </Caption1>
                <div>
                  <Button size="small" appearance="subtle" onClick={() => onSelect(p)}>
                    Go to {p.person.person}&apos;s row
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

/**
 * Status distribution per level and the raters whose ratings stand out, for a calibration session. `people` are the
 * people the view is about (the filters applied); choosing one goes to their row on the Ratings sheet.
 */
export function CalibrationView({
  calibration,
  matrix,
  people,
  onSelect,
}: {
  calibration: Pick<Calibration, "byLevel" | "raters" | "outliers">;
  matrix: CareerMatrix;
  people: PersonReadiness[];
  onSelect(person: PersonReadiness): void;
}) {
  const styles = useStyles();
  const flagged = calibration.raters.filter((r) => r.flag !== null);
  return (
    <>
      <section aria-label="Status per level">
        <Text as="h3" weight="semibold" block>
          Status at their current level, per level
        </Text>
        <Caption1 block>Choose a level&apos;s bar to see who is in it.</Caption1>
        <ul className={styles.list}>
          {calibration.byLevel.map(({ track, level, counts }) => (
            <LevelRow
              key={`${track}:${level}`}
              title={levelTitle(matrix, track, level)}
              counts={counts}
              people={people.filter((p) => p.person.track === track && p.person.level === level)}
              matrix={matrix}
              onSelect={onSelect}
            />
          ))}
        </ul>
      </section>
      <section aria-label="Raters">
        <Text as="h3" weight="semibold" block>
          Raters to discuss
        </Text>
        {flagged.length === 0 ? (
          <Text as="p" block>
            No rater stands out: each rates within the range of the others at the same track and level.
          </Text>
        ) : (
          <ul className={styles.list}>
            {flagged.map((r) => (
              <li key={r.rater} className={styles.rater}>
                <span className={styles.raterLine}>
                  <Text weight="semibold">{r.rater}</Text>
                  <Badge appearance="tint" color={r.flag === "lenient" ? "warning" : "informative"}>
                    {r.flag === "lenient" ? "Rates high" : "Rates low"}
                  </Badge>
                </span>
                <Caption1>
                  {plural(r.people, "person", "people")}, {plural(r.ratings, "rating")}
                  {r.effect !== null && `, ${signed(Math.round(r.effect * 100) / 100)} vs others`}
                </Caption1>
                <Caption1>{r.reason}</Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>
      {calibration.outliers.length > 0 && (
        <section aria-label="People to discuss">
          <Text as="h3" weight="semibold" block>
            People to discuss
          </Text>
          <ul className={styles.list}>
            {calibration.outliers.map((o) => (
              <li key={`${o.person}:${o.rater}`} className={styles.rater}>
                <Text weight="semibold">{o.person}</Text>
                <Caption1>
                  Rated by {o.rater}: {o.reason}
                </Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
