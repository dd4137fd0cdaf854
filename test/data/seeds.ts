/**
 * The seed documents the bundled framework is drawn from (shared/seeds beside the project), with the headings each
 * one has, so that every `source` can be checked without the documents themselves.
 */
export const SEEDS: Record<string, string[]> = {
  "000_83d6592b8bed4ccb.txt": [
    "Core Platform Intermediate Distribution Engineer",
    "Leadership Competencies",
    "Technical Competencies",
    "Values Alignment",
    "Distribution",
  ],
  "001_000f8bce6e3085f5.txt": [
    "Distinguished Engineer Roles at GitLab",
    "Job Grade",
    "Requirements",
    "Responsibilities",
    "General",
    "Technical",
    "Communication",
    "Leadership",
    "Ops and Enablement",
    "Secure",
    "Career Ladder",
  ],
  "002_08bfd1e984757c17.txt": [
    "Engineering Career Development",
    "The Three Components of Career Development",
    "Individual Initiative",
    "Individual Contribution vs. Management",
    "Trying the Management Track",
    "Junior Engineers",
    "Senior Engineers",
    "Transfer Options",
  ],
};

/** Where the seed documents are when the shared folder sits beside the project (as in CI). */
export const SEEDS_DIR = `${__dirname}/../../../shared/seeds`;

export interface SeedHeading {
  text: string;
  /** 1 for the page title; a deeper heading has a higher level. */
  level: number;
  /** Offsets in the seed text: the heading line, and the end of its section (the next heading not below it). */
  start: number;
  end: number;
  /** The headings it sits under, outermost first. */
  parents: string[];
}

export interface SeedText {
  text: string;
  headings: SeedHeading[];
}

/**
 * A seed document as the quotes are checked against it: the mis-decoded apostrophe of seed 001 read as the character
 * it stands for, runs of spaces as one, and its headings with the span of text each one covers. Markdown seeds mark
 * headings with `#`; the plain-text seed has them as lines of their own (its title first, then sections).
 */
export function seedText(file: string, raw: string): SeedText {
  const text = raw.replace(/â€™/g, "’").replace(/[ \t]+/g, " ");
  const known = SEEDS[file] ?? [];
  const found: Omit<SeedHeading, "end" | "parents">[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const markdown = /^(#{1,6}) (.+?)\s*$/.exec(line);
    if (markdown) found.push({ text: markdown[2], level: markdown[1].length, start: offset });
    else if (known.includes(line.trim()))
      found.push({ text: line.trim(), level: line.trim() === known[0] ? 1 : 2, start: offset });
    offset += line.length + 1;
  }
  const headings = found.map((heading, i) => {
    const next = found.slice(i + 1).find((other) => other.level <= heading.level);
    const parents: string[] = [];
    let level = heading.level;
    for (const earlier of found.slice(0, i).reverse()) {
      if (earlier.level < level) {
        parents.unshift(earlier.text);
        level = earlier.level;
      }
    }
    return { ...heading, end: next?.start ?? text.length, parents };
  });
  return { text, headings };
}

/**
 * The headings a cited section names: "Responsibilities > Leadership" is the Leadership heading under
 * Responsibilities. Anything after " — " describes the place within the section ("— roles table").
 */
export function citedHeadings(seed: SeedText, section: string): SeedHeading[] {
  const path = section.split(" — ")[0].split(" > ");
  const last = path[path.length - 1];
  return seed.headings.filter((heading) => {
    if (heading.text !== last) return false;
    // The rest of the path, outermost first, must be among its parents in order.
    let from = 0;
    for (const name of path.slice(0, -1)) {
      const at = heading.parents.indexOf(name, from);
      if (at < 0) return false;
      from = at + 1;
    }
    return true;
  });
}

/** Starts a sentence or a bullet in the seed: a line start, a bullet marker, or after a full stop. */
const SENTENCE_START = /(^|\n)(- )?$|[.!?] $/;
/** Ends one: a full stop, or the end of the line (seed bullets often have no full stop). */
const SENTENCE_END = /^(\.(\s|$)|\s*\n|\s*$)/;

export interface QuoteCheck {
  fragment: string;
  problem: string;
}

/**
 * Checks a descriptor that quotes a seed section word for word, case and punctuation included. It may join whole
 * sentences or bullets (each ending with a full stop); a quote cut short is marked with an ellipsis where the cut is.
 * Every fragment must sit inside the cited section. Returns what is wrong, one entry per fragment.
 */
export function checkQuote(seed: SeedText, section: string, descriptor: string): QuoteCheck[] {
  const sections = citedHeadings(seed, section);
  if (sections.length !== 1)
    return [
      { fragment: descriptor, problem: `section "${section}" names ${sections.length} headings, not one` },
    ];
  const [{ start, end }] = sections;
  const pieces = descriptor.split(/\s*…\s*/);
  const problems: QuoteCheck[] = [];
  pieces.forEach((piece, p) => {
    if (piece === "") return;
    const sentences = piece.split(/(?<=\.)\s+/);
    sentences.forEach((sentence, s) => {
      const fragment = sentence.replace(/\.$/, "");
      const cutBefore = s === 0 && p > 0;
      const cutAfter = s === sentences.length - 1 && p < pieces.length - 1;
      let at = seed.text.indexOf(fragment);
      let inSection = false;
      while (at >= 0) {
        const startsRight = cutBefore || SENTENCE_START.test(seed.text.slice(Math.max(0, at - 3), at));
        const endsRight = cutAfter || SENTENCE_END.test(seed.text.slice(at + fragment.length));
        const inside = at >= start && at + fragment.length <= end;
        if (inside) inSection = true;
        if (inside && startsRight && endsRight) return;
        at = seed.text.indexOf(fragment, at + 1);
      }
      problems.push({
        fragment,
        problem: !seed.text.includes(fragment)
          ? "not in the seed word for word (case included)"
          : !inSection
            ? `in the seed, but not under "${section}"`
            : "cut short without an ellipsis where the cut is",
      });
    });
  });
  return problems;
}
