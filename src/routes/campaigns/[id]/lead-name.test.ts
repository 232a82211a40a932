import { describe, expect, it } from 'vitest';
import { leadName, normaliseVariableName } from './lead-name.ts';

describe('leadName', () => {
  it('takes the first text variable that holds a whole name', () => {
    expect(leadName({ company: 'Acme', customer_name: 'Ada Lovelace', name: 'Other' })).toBe('Ada Lovelace');
    expect(leadName({ name: '  Grace   Hopper ' })).toBe('Grace Hopper');
    expect(leadName({ 'Full Name': 'Alan Turing' })).toBe('Alan Turing');
    expect(leadName({ contactName: 'Katherine Johnson' })).toBe('Katherine Johnson');
  });

  it('joins first and last name when no variable holds the whole name', () => {
    expect(leadName({ last_name: 'Lovelace', first_name: 'Ada', company: 'Analytical' })).toBe('Ada Lovelace');
    expect(leadName({ 'First Name': 'Ada', Surname: 'Lovelace' })).toBe('Ada Lovelace');
    expect(leadName({ first_name: 'Ada', last_name: '' })).toBe('Ada');
    expect(leadName({ last_name: 'Lovelace' })).toBe('Lovelace');
  });

  it('prefers a whole name to first and last names that come before it', () => {
    expect(leadName({ first_name: 'Ada', last_name: 'L.', full_name: 'Ada King, Countess of Lovelace' })).toBe('Ada King, Countess of Lovelace');
  });

  it('skips empty and non-text values and names that are not a person\'s', () => {
    expect(leadName({ name: '', customer_name: 'Ada' })).toBe('Ada');
    expect(leadName({ name: 42, seats: 3 })).toBeNull();
    expect(leadName({ company_name: 'Acme', file_name: 'x.csv', username: 'ada' })).toBeNull();
    expect(leadName({})).toBeNull();
  });
});

describe('normaliseVariableName', () => {
  it('reads spaced, camel-cased and dashed names alike', () => {
    expect(['Customer Name', 'customerName', 'customer-name', 'CUSTOMER_NAME'].map(normaliseVariableName)).toEqual(Array(4).fill('customer_name'));
  });
});
