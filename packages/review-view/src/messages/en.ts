import type { Messages } from './messages-type.js';
import { enCore } from './en-core.js';
import { enPolicy } from './en-policy.js';
import { enQuestions } from './en-questions.js';
import { enReportDialog } from './en-report-dialog.js';

/** Every English message: the views', the report dialog's, the policy page's and the questions element's. */
export const en: Messages = { ...enCore, ...enReportDialog, ...enPolicy, ...enQuestions };
