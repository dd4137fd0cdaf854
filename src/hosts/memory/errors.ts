/** Errors shaped like Office.js's OfficeExtension.Error: a `code` to branch on and the message Excel shows. */
export type OfficeErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "RequestPayloadSizeLimitExceeded"
  | "NotImplemented"
  | "GeneralException";

export class OfficeError extends Error {
  constructor(
    readonly code: OfficeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export function propertyNotLoaded(property: string): OfficeError {
  return new OfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
