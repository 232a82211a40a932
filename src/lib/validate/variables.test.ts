import { describe, expect, it } from 'vitest';
import type { RowError, VariableDef } from '../types.ts';
import { createVariableValidator, parseBoolean, parseNumber, validateVariable } from './variables.ts';

const text: VariableDef = { name: 'customer_name', type: 'text' };
const number: VariableDef = { name: 'seats', type: 'number' };
const bool: VariableDef = { name: 'opted_in', type: 'boolean' };

describe('number', () => {
  it.each([
    ['42', 42],
    ['-3.5', -3.5],
    ['+7', 7],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['.5', 0.5],
    ['007', 7],
  ])('%j → %d', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
    expect(validateVariable(number, ` ${input} `, 'seats')).toEqual({ ok: true, value: expected });
  });

  it.each(['1,23', '12,34.5', '1.234,5', '$5', '5 kg', '1e5', 'abc', '-', '.', 'NaN', 'Infinity', '1'.repeat(400)])(
    'rejects %j with VARIABLE_NOT_NUMBER',
    (input) => {
      expect(parseNumber(input)).toBeUndefined();
      const result = validateVariable(number, input, 'Seats');
      expect(result).toMatchObject({ ok: false, error: { code: 'VARIABLE_NOT_NUMBER', column: 'Seats' } });
    },
  );
});

describe('boolean', () => {
  it.each([
    ['true', true], ['FALSE', false], ['Yes', true], ['no', false], ['Y', true], ['n', false], ['1', true], ['0', false],
  ])('%j → %s', (input, expected) => {
    expect(parseBoolean(input)).toBe(expected);
    expect(validateVariable(bool, input, 'opted_in')).toEqual({ ok: true, value: expected });
  });

  it.each(['maybe', 'on', '2', 'ja', 'constructor', 'toString'])('rejects %j with VARIABLE_NOT_BOOLEAN', (input) => {
    expect(validateVariable(bool, input, 'opted_in')).toMatchObject({ ok: false, error: { code: 'VARIABLE_NOT_BOOLEAN' } });
  });
});

describe('text', () => {
  it('keeps the text, trimmed', () => {
    expect(validateVariable(text, '  John  Smith ', 'customer_name')).toEqual({ ok: true, value: 'John  Smith' });
  });

  it('counts characters, not UTF-16 units, against maxLength (VARIABLE_TOO_LONG)', () => {
    const short: VariableDef = { ...text, maxLength: 3 };
    expect(validateVariable(short, '😀😀😀', 'customer_name')).toEqual({ ok: true, value: '😀😀😀' });
    const result = validateVariable(short, 'Johnny', 'Customer Name');
    expect(result).toMatchObject({ ok: false, error: { code: 'VARIABLE_TOO_LONG', column: 'Customer Name' } });
    if (!result.ok) expect(result.error.message).toContain('6 characters');
  });
});

describe('required and defaults', () => {
  it('empty optional → null', () => {
    expect(validateVariable(text, '   ', 'customer_name')).toEqual({ ok: true, value: null });
    expect(validateVariable(number, undefined, 'seats')).toEqual({ ok: true, value: null });
  });

  it('empty required without default → VARIABLE_REQUIRED', () => {
    const result = validateVariable({ ...text, required: true }, '', 'customer_name');
    expect(result).toMatchObject({ ok: false, error: { code: 'VARIABLE_REQUIRED', column: 'customer_name' } });
  });

  it('the default applies to empty cells and missing columns, typed like the variable', () => {
    expect(validateVariable({ ...text, required: true, default: 'there' }, '', 'c')).toEqual({ ok: true, value: 'there' });
    expect(validateVariable({ ...number, default: 5 }, undefined, 'c')).toEqual({ ok: true, value: 5 });
    expect(validateVariable({ ...number, default: '1,000' }, '', 'c')).toEqual({ ok: true, value: 1000 });
    expect(validateVariable({ ...bool, default: 'yes' }, '', 'c')).toEqual({ ok: true, value: true });
    expect(validateVariable({ ...text, default: 3 }, '', 'c')).toEqual({ ok: true, value: '3' });
  });

  it('a cell value overrides the default', () => {
    expect(validateVariable({ ...number, default: 5 }, '7', 'c')).toEqual({ ok: true, value: 7 });
  });
});

describe('createVariableValidator', () => {
  it('collects every error of the set and types the values', () => {
    const defs: VariableDef[] = [{ ...text, required: true }, number, bool, { name: 'region', type: 'text', default: 'EU' }];
    const validator = createVariableValidator(defs);
    const errors: RowError[] = [];
    const columns = [
      { index: 0, header: 'Customer Name' },
      { index: 1, header: 'seats' },
      { index: 2, header: 'opted_in' },
      { index: -1, header: 'region' },
    ];
    expect(validator.validate(['Ann', '3', 'yes'], columns, errors)).toEqual({ customer_name: 'Ann', seats: 3, opted_in: true, region: 'EU' });
    expect(errors).toEqual([]);
    validator.validate(['', 'x', 'maybe'], columns, errors);
    expect(errors.map((e) => [e.code, e.column])).toEqual([
      ['VARIABLE_REQUIRED', 'Customer Name'],
      ['VARIABLE_NOT_NUMBER', 'seats'],
      ['VARIABLE_NOT_BOOLEAN', 'opted_in'],
    ]);
  });

  it('a required variable without a column fails on every row, naming the expected column', () => {
    const validator = createVariableValidator([{ ...text, required: true }]);
    const errors: RowError[] = [];
    validator.validate(['x'], [{ index: -1, header: 'customer_name' }], errors);
    validator.validate(['y'], [], errors);
    expect(errors.map((e) => [e.code, e.column])).toEqual([
      ['VARIABLE_REQUIRED', 'customer_name'],
      ['VARIABLE_REQUIRED', 'customer_name'],
    ]);
  });
});
