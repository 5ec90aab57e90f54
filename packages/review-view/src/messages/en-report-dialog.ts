import type { ReportDialogMessages } from './messages-type.js';

/** The report dialog in English (docs/reference/storefront.md §6.1), kept out of the widget's loader. */
export const enReportDialog: ReportDialogMessages = {
  reportTitle: "Report this review",
  reportWhy: "What is wrong with it?",
  reportSpam: "Spam or advertising",
  reportOffensive: "Offensive or hateful",
  reportNotBuyer: "Not written by a buyer",
  reportPersonal: "Shares personal information",
  reportOther: "Something else",
  reportDetails: "Details",
  reportSend: "Send report",
  reportThanks: "Thank you. The shop will take a look.",
};
