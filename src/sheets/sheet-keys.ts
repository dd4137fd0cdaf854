/**
 * The ownership keys of the sheets the pane's first screen asks about (is there a Ratings sheet? scores?), kept apart
 * from the sheets' code so asking does not load it.
 */
export const RATINGS_KEY = "ratings";
export const READINESS_KEY = "readiness-heatmap";
export const NINE_BOX_KEY = "nine-box";
export const LOG_KEY = "calibration-log";
