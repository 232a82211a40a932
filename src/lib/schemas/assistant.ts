/** valibot schemas of an assistant's configuration: its call-script variables. */
import * as v from 'valibot';

const RESERVED = /^(phone_number|secondary_|error_)/i;

/** One variable of the call script: name, type, and the rules a lead's value must follow. */
export const VariableDefSchema = v.pipe(
  v.object({
    name: v.pipe(
      v.string(),
      v.regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'A variable name starts with a letter and holds only letters, digits and underscores (64 at most).'),
      v.check((n) => !RESERVED.test(n), 'Variable names may not be phone_number or start with secondary_ or error_.'),
    ),
    type: v.picklist(['text', 'number', 'boolean'], 'type must be "text", "number" or "boolean".'),
    required: v.optional(v.boolean()),
    default: v.optional(v.nullable(v.union([v.string(), v.number(), v.boolean()]))),
    maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000))),
    description: v.optional(v.pipe(v.string(), v.maxLength(500))),
  }),
  v.check(
    (d) =>
      d.default === undefined ||
      d.default === null ||
      (d.type === 'text' && typeof d.default === 'string') ||
      (d.type === 'number' && typeof d.default === 'number') ||
      (d.type === 'boolean' && typeof d.default === 'boolean'),
    'A default value must have the variable\'s type.',
  ),
  v.check((d) => d.maxLength === undefined || d.type === 'text', 'maxLength applies to text variables only.'),
  v.check(
    (d) => d.maxLength === undefined || typeof d.default !== 'string' || d.default.length <= d.maxLength,
    'The default value is longer than maxLength.',
  ),
);

const uniqueNames = (defs: v.InferOutput<typeof VariableDefSchema>[]) =>
  new Set(defs.map((d) => d.name.toLowerCase())).size === defs.length;

export const VariableListSchema = v.pipe(
  v.array(VariableDefSchema),
  v.maxLength(50, 'At most 50 variables.'),
  v.check(uniqueNames, 'Variable names must be unique.'),
);

export const AssistantNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'name is required.'), v.maxLength(200, 'name is at most 200 characters.'));

/** What the assistant expects of a lead: its variables and those of each secondary contact. */
export const AssistantConfigSchema = v.object({
  variables: VariableListSchema,
  secondaryVariables: v.optional(VariableListSchema, []),
});

export const CreateAssistantSchema = v.object({
  name: AssistantNameSchema,
  ...AssistantConfigSchema.entries,
});
export type CreateAssistantInput = v.InferOutput<typeof CreateAssistantSchema>;
