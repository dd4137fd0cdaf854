import { Badge, Caption1, Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Area } from "../../core/framework";
import type { LevelComparison } from "../../core/types";
import { signed } from "../format";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  area: { marginTop: "8px" },
  details: {
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "6px 10px",
  },
  summary: {
    cursor: "pointer",
    display: "flex",
    alignItems: "center",
    gap: "8px",
    listStyleType: "none",
    "::-webkit-details-marker": { display: "none" },
  },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  values: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  descriptor: { display: "block", marginTop: "6px", color: tokens.colorNeutralForeground2 },
});

function changeBadge(row: LevelComparison["rows"][number]) {
  if (row.presence === "to-only")
    return (
      <Badge appearance="outline" color="brand">
        New
      </Badge>
    );
  if (row.presence === "from-only")
    return (
      <Badge appearance="outline" color="subtle">
        Dropped
      </Badge>
    );
  if (!row.change)
    return (
      <Badge appearance="outline" color="informative">
        Same
      </Badge>
    );
  return (
    <Badge appearance="tint" color={row.change > 0 ? "brand" : "warning"}>
      {signed(row.change)}
    </Badge>
  );
}

/** The comparison as it reads in a narrow pane: one line per competency, the descriptors on opening it. */
export function ComparisonPreview({
  comparison,
  areas: known,
}: {
  comparison: LevelComparison;
  areas: Area[];
}) {
  const styles = useStyles();
  const [changesOnly, setChangesOnly] = useState(false);
  const rows = comparison.rows.filter((r) => !changesOnly || r.presence !== "both" || (r.change ?? 0) !== 0);
  const areas = [...new Set(rows.map((r) => r.area))];
  const side = (s: LevelComparison["from"]) =>
    `${s.title}${s.title.includes(s.trackName) ? "" : ` (${s.trackName})`}`;
  const changed = comparison.rows.filter((r) => r.presence !== "both" || (r.change ?? 0) !== 0).length;

  return (
    <section aria-label="Comparison preview">
      <Text as="p" block>
        From <strong>{side(comparison.from)}</strong> to <strong>{side(comparison.to)}</strong>: {changed} of{" "}
        {comparison.rows.length} competencies change.
      </Text>
      <Checkbox
        label="Only competencies that change"
        checked={changesOnly}
        onChange={(_, d) => setChangesOnly(d.checked === true)}
      />
      {areas.map((area) => (
        <div key={area} className={styles.area}>
          <Text as="h4" weight="semibold" block>
            {known.find((a) => a.id === area)?.name ?? area}
          </Text>
          <ul className={styles.list}>
            {rows
              .filter((r) => r.area === area)
              .map((row) => (
                <li key={row.competency}>
                  <details className={styles.details}>
                    <summary className={styles.summary}>
                      <span className={styles.name}>{row.name}</span>
                      <span className={styles.values}>
                        {row.from?.value ?? "–"} → {row.to?.value ?? "–"}
                      </span>
                      {changeBadge(row)}
                    </summary>
                    <Caption1 className={styles.descriptor}>
                      <strong>{comparison.from.title}:</strong> {row.from?.descriptor || "No expectation."}
                    </Caption1>
                    <Caption1 className={styles.descriptor}>
                      <strong>{comparison.to.title}:</strong> {row.to?.descriptor || "No expectation."}
                    </Caption1>
                  </details>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
