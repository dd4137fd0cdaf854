import { Badge, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { CareerMatrix } from "../../core/matrix";
import type { Calibration, ReadinessStatus, StatusCounts } from "../../core/types";
import { STATUS_LABEL, STATUS_ORDER } from "../../sheets/status";
import { levelTitle, plural, signed } from "../format";

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

/** Status distribution per level and the raters whose ratings stand out, for a calibration session. */
export function CalibrationView({ calibration, matrix }: { calibration: Calibration; matrix: CareerMatrix }) {
  const styles = useStyles();
  const flagged = calibration.raters.filter((r) => r.flag !== null);
  return (
    <>
      <section aria-label="Status per level">
        <Text as="h3" weight="semibold" block>
          Status at their current level, per level
        </Text>
        <ul className={styles.list}>
          {calibration.byLevel.map(({ track, level, counts }) => (
            <li key={`${track}:${level}`}>
              <Text weight="semibold">{levelTitle(matrix, track, level)}</Text>
              <DistributionBar counts={counts} />
            </li>
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
