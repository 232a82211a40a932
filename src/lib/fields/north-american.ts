/** Whether an address is checked as a US or Canadian one: the lead's number is of the US or Canada. */
export const isNorthAmerican = (country: string | undefined): boolean => country === 'US' || country === 'CA';
