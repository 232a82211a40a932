/** The FileReadErrors the workbook readers throw from many places (xlsx.ts, xls-rebuild.ts, zip-guard.ts, deflate-count.ts); texts from the catalogue. */
import { FileReadError } from './errors.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';

export const passwordProtected = (): FileReadError => new FileReadError(FILE_ERRORS.passwordProtected());
export const corruptWorkbook = (): FileReadError => new FileReadError(FILE_ERRORS.corruptWorkbook());
export const corruptZip = (): FileReadError => new FileReadError(FILE_ERRORS.corruptZip());
