/** Row messages about the assistant's variables. */
import type { RowError } from '../types.ts';
import { ROW_ERROR_GUIDANCE } from './row-guidance.ts';
import { quoteValue } from './message-words.ts';

export function variableRequired(column: string, variable: string): RowError {
  return {
    code: 'VARIABLE_REQUIRED',
    column,
    message:
      column === variable
        ? `The required value "${variable}" is empty.`
        : `The required value "${variable}" (column "${column}") is empty.`,
    guidance: ROW_ERROR_GUIDANCE.VARIABLE_REQUIRED,
  };
}

export function variableNotNumber(column: string, value: string): RowError {
  return {
    code: 'VARIABLE_NOT_NUMBER',
    column,
    message: `${quoteValue(value)} in column "${column}" is not a number.`,
    guidance: ROW_ERROR_GUIDANCE.VARIABLE_NOT_NUMBER,
  };
}

export function variableNotBoolean(column: string, value: string): RowError {
  return {
    code: 'VARIABLE_NOT_BOOLEAN',
    column,
    message: `${quoteValue(value)} in column "${column}" is not true or false.`,
    guidance: ROW_ERROR_GUIDANCE.VARIABLE_NOT_BOOLEAN,
  };
}

export function variableTooLong(column: string, length: number, maxLength: number): RowError {
  return {
    code: 'VARIABLE_TOO_LONG',
    column,
    message: `The text in column "${column}" is ${length} characters long; at most ${maxLength} are allowed.`,
    guidance: ROW_ERROR_GUIDANCE.VARIABLE_TOO_LONG,
  };
}
