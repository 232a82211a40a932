export * from '../export/leads-csv.ts';
