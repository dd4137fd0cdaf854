import { Button, Checkbox, makeStyles } from "@fluentui/react-components";
import type { Track, TrackId } from "../../core/framework";

const useStyles = makeStyles({
  group: { border: "none", margin: 0, padding: 0 },
  legend: { padding: 0, fontWeight: 600 },
  actions: { display: "flex", gap: "4px" },
  options: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))",
    alignItems: "start",
  },
});

/** Which tracks get a matrix sheet. */
export function TrackChooser({
  tracks,
  selected,
  onChange,
  disabled,
}: {
  tracks: Track[];
  selected: TrackId[];
  onChange(selected: TrackId[]): void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const chosen = new Set(selected);
  const toggle = (id: TrackId, on: boolean) =>
    // Kept in framework order so the sheets come out in a stable order.
    onChange(tracks.map((t) => t.id).filter((t) => (t === id ? on : chosen.has(t))));
  return (
    <fieldset className={styles.group} disabled={disabled}>
      <legend className={styles.legend}>
        Tracks ({selected.length} of {tracks.length})
      </legend>
      <div className={styles.actions}>
        <Button size="small" appearance="transparent" onClick={() => onChange(tracks.map((t) => t.id))}>
          Select all
        </Button>
        <Button size="small" appearance="transparent" onClick={() => onChange([])}>
          Clear
        </Button>
      </div>
      <div className={styles.options}>
        {tracks.map((t) => (
          <Checkbox
            key={t.id}
            label={t.name}
            checked={chosen.has(t.id)}
            onChange={(_, d) => toggle(t.id, d.checked === true)}
          />
        ))}
      </div>
    </fieldset>
  );
}
