/**
 * The workbook commands (sheet specs, scoring, the rater model) load when the pane first uses one: the first screen
 * draws without them, so they stay out of the pane's first load.
 */
export const loadCommands = () => import(/* webpackChunkName: "workbook-commands" */ "../workbook/commands");
