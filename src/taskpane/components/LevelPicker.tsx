import { Dropdown, Field, makeStyles, Option } from "@fluentui/react-components";
import type { CareerMatrix } from "../../core/matrix";
import type { LevelId, TrackId } from "../../core/framework";

export interface LevelChoice {
  track: TrackId;
  level: LevelId;
}

const useStyles = makeStyles({
  group: {
    display: "grid",
    // Side by side where level titles fit on one line (about 400 px), stacked in a narrower pane.
    gridTemplateColumns: "repeat(auto-fit, minmax(190px, 1fr))",
    gap: "8px 10px",
    border: "none",
    margin: 0,
    padding: 0,
  },
  legend: { gridColumn: "1 / -1", padding: 0, fontWeight: 600 },
  dropdown: { minWidth: "0", width: "100%" },
});

/** A track and one of its levels; changing the track keeps the level when the new track has it. */
export function LevelPicker({
  label,
  matrix,
  value,
  onChange,
}: {
  label: string;
  matrix: CareerMatrix;
  value: LevelChoice;
  onChange(value: LevelChoice): void;
}) {
  const styles = useStyles();
  const track = matrix.tracks.find((t) => t.id === value.track);
  const level = track?.levels.find((l) => l.id === value.level);
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{label}</legend>
      <Field label="Track">
        <Dropdown
          className={styles.dropdown}
          value={track?.name ?? ""}
          selectedOptions={track ? [track.id] : []}
          onOptionSelect={(_, d) => {
            const next = matrix.tracks.find((t) => t.id === d.optionValue);
            if (!next) return;
            const keep = next.levels.some((l) => l.id === value.level);
            onChange({ track: next.id, level: keep ? value.level : (next.levels[0]?.id ?? "") });
          }}
        >
          {matrix.tracks.map((t) => (
            <Option key={t.id} value={t.id}>
              {t.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Level">
        <Dropdown
          className={styles.dropdown}
          value={level?.title ?? ""}
          selectedOptions={level ? [level.id] : []}
          onOptionSelect={(_, d) => d.optionValue && onChange({ track: value.track, level: d.optionValue })}
        >
          {(track?.levels ?? []).map((l) => (
            <Option key={l.id} value={l.id} text={l.title}>
              {l.title}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </fieldset>
  );
}
