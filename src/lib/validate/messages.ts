/**
 * Plain-language messages and correction guidance for every row and file error code, one module
 * per family; importers take them from here.
 */
export { ROW_ERROR_GUIDANCE } from './row-guidance.ts';
export { countryName, describePhoneFailure, phoneReasonText, phoneTypeWords, quoteValue } from './message-words.ts';
export { phoneInvalid, phoneRequired, phoneTypeBlocked } from './phone-messages.ts';
export { duplicateExisting, duplicateInFile } from './duplicate-messages.ts';
export { variableNotBoolean, variableNotNumber, variableRequired, variableTooLong } from './variable-messages.ts';
export {
  secondaryDuplicate,
  secondaryFieldsWithoutPhone,
  secondaryPhoneInvalid,
  secondaryPhoneTypeBlocked,
  secondarySameAsPrimary,
} from './secondary-messages.ts';
export { secondarySuppressed, suppressed } from './suppression-messages.ts';
export { postalCodeInvalid, regionInvalid } from './address-messages.ts';
export * from './consent-messages.ts';
export { fileErrorMessage } from './file-messages.ts';
