/**
 * How names typed by people are matched: headers, tracks, levels and scale labels are compared ignoring case,
 * spacing, hyphens and underscores, so "Senior  backend engineer", "senior-backend-engineer" and "SeniorBackendEngineer"
 * are one name.
 */
export function nameKey(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, "");
}

/** A person's or rater's identity: case-insensitive, inner spacing collapsed ("Ana  Lima" is "ana lima"). */
export function personKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/** "a", "a or b", "a, b or c" (or "and"); long lists are cut after `max` names. */
export function listNames(names: string[], max = 6, conjunction: "or" | "and" = "or"): string {
  const shown = names.length > max ? [...names.slice(0, max), `${names.length - max} more`] : names;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} ${conjunction} ${shown[shown.length - 1]}`;
}
