/** The variables a reply template may use; apart from the linter so a command can list them cheaply. */
export const TEMPLATE_VARIABLES = ["user", "agent", "signature", "case"] as const;
