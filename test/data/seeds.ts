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
