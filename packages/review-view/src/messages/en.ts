import type { Messages } from './messages-type.js';
import { enCore } from './en-core.js';
import { enReportDialog } from './en-report-dialog.js';

/** Every English message: the views' and the report dialog's. */
export const en: Messages = { ...enCore, ...enReportDialog };
