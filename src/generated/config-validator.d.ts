import type { ErrorObject } from "ajv";

/** Ajv's standalone validator for the config schema (config-validator.js, generated). */
export declare function validate(data: unknown): boolean;
export declare namespace validate {
  let errors: ErrorObject[] | null | undefined;
}
