import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { useState, type FormEvent } from "react";
import type { CareerMatrix } from "../../core/matrix";
import type { NewPerson } from "../../sheets/ratings-sheet";
import { levelTitle } from "../format";

const useStyles = makeStyles({
  // minmax(0, …) lets the inputs shrink to a narrow pane instead of pushing past it.
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "8px 10px" },
  control: { minWidth: 0, width: "100%" },
  wide: { gridColumn: "1 / -1" },
  dropdown: { minWidth: "0", width: "100%" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  item: {
    display: "flex",
    alignItems: "center",
    gap: "8px",
    padding: "4px 4px 4px 10px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  who: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface PeopleEditorProps {
  matrix: CareerMatrix;
  people: NewPerson[];
  onChange(people: NewPerson[]): void;
}

/** Builds the list of people to add to the ratings sheet: name, track and level, with rater and team if known. */
export function PeopleEditor({ matrix, people, onChange }: PeopleEditorProps) {
  const styles = useStyles();
  const [person, setPerson] = useState("");
  const [track, setTrack] = useState(matrix.tracks[0]?.id ?? "");
  const [level, setLevel] = useState("");
  const [rater, setRater] = useState("");
  const [team, setTeam] = useState("");
  const [tried, setTried] = useState(false);

  const levels = matrix.tracks.find((t) => t.id === track)?.levels ?? [];
  const trackName = (id: string) => matrix.tracks.find((t) => t.id === id)?.name ?? id;
  const duplicate = people.some((p) => p.person.trim().toLowerCase() === person.trim().toLowerCase());
  const personError = !person.trim()
    ? "Type the person's name."
    : duplicate
      ? `${person.trim()} is already in the list.`
      : undefined;
  const levelError = level ? undefined : "Pick the person's current level.";

  const add = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (personError || levelError) return;
    const added: NewPerson = { person: person.trim(), track, level };
    if (rater.trim()) added.rater = rater.trim();
    if (team.trim()) added.team = team.trim();
    onChange([...people, added]);
    setPerson("");
    setTried(false);
  };

  return (
    <>
      <form className={styles.form} onSubmit={add} aria-label="Add a person">
        <Field
          label="Person"
          required
          className={styles.wide}
          validationMessage={tried ? personError : undefined}
        >
          <Input className={styles.control} value={person} onChange={(_, d) => setPerson(d.value)} />
        </Field>
        <Field label="Track" required>
          <Dropdown
            className={styles.dropdown}
            value={trackName(track)}
            selectedOptions={[track]}
            onOptionSelect={(_, d) => {
              if (d.optionValue && d.optionValue !== track) {
                setTrack(d.optionValue);
                setLevel("");
              }
            }}
          >
            {matrix.tracks.map((t) => (
              <Option key={t.id} value={t.id}>
                {t.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Level" required validationMessage={tried ? levelError : undefined}>
          <Dropdown
            className={styles.dropdown}
            placeholder="Choose"
            value={level ? levelTitle(matrix, track, level) : ""}
            selectedOptions={level ? [level] : []}
            onOptionSelect={(_, d) => setLevel(d.optionValue ?? "")}
          >
            {levels.map((l) => (
              <Option key={l.id} value={l.id}>
                {l.title}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Rater">
          <Input className={styles.control} value={rater} onChange={(_, d) => setRater(d.value)} />
        </Field>
        <Field label="Team">
          <Input className={styles.control} value={team} onChange={(_, d) => setTeam(d.value)} />
        </Field>
        <Button type="submit" icon={<AddRegular />} className={styles.wide}>
          Add to the list
        </Button>
      </form>
      {people.length > 0 && (
        <ul className={styles.list} aria-label="People to add">
          {people.map((p, i) => (
            <li key={`${i}:${p.person}`} className={styles.item}>
              <span className={styles.who}>
                {p.person}
                <Caption1 block className={styles.muted}>
                  {levelTitle(matrix, p.track, p.level)}
                  {p.team ? ` · ${p.team}` : ""}
                  {p.rater ? ` · rated by ${p.rater}` : ""}
                </Caption1>
              </span>
              <Button
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`Remove ${p.person} from the list`}
                onClick={() => onChange(people.filter((_, j) => j !== i))}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
