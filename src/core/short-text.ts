/**
 * A value quoted in a message, cut to a readable length: a 10 MB cell is named by its start and its size, never
 * echoed whole into a warning.
 */
export function shortText(text: string, max = 80): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}… (${text.length.toLocaleString("en-US")} characters)`;
}
