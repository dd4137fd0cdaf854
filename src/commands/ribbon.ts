/** A ribbon button's action. Excel keeps the button busy until it settles. */
export type RibbonAction = () => Promise<void>;

/** Actions by the <FunctionName> their ExecuteFunction buttons carry in manifest.xml. */
export interface RibbonActions {
  refreshHeatmaps: RibbonAction;
}

/** The part of Office.actions that ribbon buttons need. */
export interface ActionRegistry {
  associate(actionId: string, actionFunction: (event: Office.AddinCommands.Event) => void): void;
}

/**
 * Associates each action with its button. Whatever the action does, event.completed() is called once it settles,
 * or Excel would show the button busy until the function file times out; a failure goes to onError.
 */
export function associateRibbonActions(
  registry: ActionRegistry,
  actions: RibbonActions,
  onError: (actionId: string, error: unknown) => void,
): void {
  for (const [actionId, action] of Object.entries(actions) as [string, RibbonAction][]) {
    registry.associate(actionId, (event) => {
      action()
        .catch((error: unknown) => onError(actionId, error))
        .finally(() => event.completed());
    });
  }
}
