import { Button, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { BAND_LABEL, type NineBox, NINE_BOX_BANDS } from "../../core/nine-box";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "auto repeat(3, minmax(0, 1fr))",
    gap: "4px",
    alignItems: "stretch",
  },
  axis: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    alignSelf: "center",
    textAlign: "center",
  },
  rowLabel: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    writingMode: "vertical-rl",
    transform: "rotate(180deg)",
    textAlign: "center",
  },
  box: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "6px",
    minHeight: "84px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  people: { display: "flex", flexWrap: "wrap", gap: "2px" },
  person: { minWidth: 0, padding: "0 4px", height: "auto", fontWeight: tokens.fontWeightRegular },
  apart: { margin: 0, paddingLeft: "18px" },
});

/**
 * The 9-box: next level top to bottom (Ready first), current level left to right, each box named with its count,
 * share and people; choosing a person goes to their row on the Ratings sheet.
 */
export function NineBoxGrid({ box, onSelect }: { box: NineBox; onSelect(person: string): void }) {
  const styles = useStyles();
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <>
      <div className={styles.grid} role="grid" aria-label="9-box">
        <div role="row" style={{ display: "contents" }}>
          <Caption1 className={styles.axis} role="columnheader">
            Next ↓ · Current →
          </Caption1>
          {NINE_BOX_BANDS.map((band) => (
            <Caption1 key={band} className={styles.axis} role="columnheader">
              {BAND_LABEL[band]}
            </Caption1>
          ))}
        </div>
        {[...NINE_BOX_BANDS].reverse().map((next) => (
          <div key={next} role="row" style={{ display: "contents" }}>
            <Caption1 className={styles.rowLabel} role="rowheader">
              {BAND_LABEL[next]}
            </Caption1>
            {box.cells
              .filter((cell) => cell.next === next)
              .map((cell) => (
                // Named by what it shows (the box, its count and share, its people), as a screen reader reads it.
                <div key={cell.name} role="gridcell" className={styles.box}>
                  <Text size={200} weight="semibold">
                    {cell.name}
                  </Text>
                  <Caption1>
                    {cell.count} · {percent(cell.share)}
                  </Caption1>
                  <span className={styles.people}>
                    {cell.people.map((person) => (
                      <Button
                        key={person}
                        size="small"
                        appearance="subtle"
                        className={styles.person}
                        title={`Go to ${person}'s ratings`}
                        onClick={() => onSelect(person)}
                      >
                        {person}
                      </Button>
                    ))}
                  </span>
                </div>
              ))}
          </div>
        ))}
      </div>
      {box.apart.length > 0 && (
        <section aria-label="Listed apart">
          <Text weight="semibold" block>
            Listed apart ({box.apart.length})
          </Text>
          <ul className={styles.apart}>
            {box.apart.map((a) => (
              <li key={a.person}>
                <Caption1>
                  {a.person}: {a.reason}
                </Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
