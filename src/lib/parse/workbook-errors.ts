/** The FileReadErrors shared by the workbook readers (xlsx.ts, xls-rebuild.ts, zip-guard.ts, deflate-count.ts). */
import { FileReadError } from './errors.ts';

export const OPEN_AND_RESAVE = 'Open it in Excel, save it again as .xlsx (or as CSV UTF-8), and upload that.';

export function passwordProtected(): FileReadError {
  return new FileReadError('FILE_UNSUPPORTED', 'The workbook is password-protected. Remove the password in Excel (File › Info › Protect Workbook), save, and upload again.');
}

export function corruptWorkbook(): FileReadError {
  return new FileReadError('FILE_CORRUPT', `This Excel file could not be read: it may be damaged, cut off, or not really an Excel file. ${OPEN_AND_RESAVE}`);
}

export function corruptZip(): FileReadError {
  return new FileReadError('FILE_CORRUPT', `This Excel file is damaged or incomplete (it may have been cut off while uploading or downloading). ${OPEN_AND_RESAVE}`);
}
