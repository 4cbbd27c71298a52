// The report's part of the service: exporting the last report (or a past one from the history) and copying its summary.
import { isCheckReport, type CheckReport, type ReachReport } from '../../common/check-report.js';
import type { ExportRequest, SummaryRequest } from '../../common/ipc/contract.js';
import type { AppLogger } from '../logging/index.js';
import { fileNameFor } from '../report/file-name.js';
import { renderHtml, renderReachHtml } from '../report/html-report.js';
import { renderJson, renderReachJson } from '../report/json-report.js';
import { renderMarkdown, renderReachMarkdown } from '../report/markdown-report.js';
import { renderReachText, renderText } from '../report/text-report.js';
import { renderUsersCsv, renderUsersHtml, renderUsersJson, renderUsersText } from '../report/users-report.js';
import { isUsersReport } from '../../common/users-report.js';
import { fail, messageOf, ok, type Handlers } from './handler.js';
import type { ServiceHost } from './host.js';
import type { HistoryHandlers } from './history-handlers.js';

/** The last finished check's report (or network test's): the checks set it, exports read it. */
export interface LastReport {
  current: CheckReport | ReachReport | null;
}

export function reportHandlers(
  host: ServiceHost,
  last: LastReport,
  history: Pick<HistoryHandlers, 'reportOf'>,
  log: AppLogger,
): Pick<Handlers, 'exportReport' | 'copyReportSummary'> {
  /** The latest check's report, or a past one from the history when the request names it. */
  const reportAtHand = (request: ExportRequest | SummaryRequest): Promise<CheckReport | ReachReport | null> =>
    request.historyId === null ? Promise.resolve(last.current) : history.reportOf(request.historyId);

  return {
    exportReport: async (request) => {
      const report = reportFor(await reportAtHand(request), request);
      if (!report) return fail('no-report', 'There is no report yet: run a check first.');
      if (request.format === 'csv' && (!isCheckReport(report) || !isUsersReport(report)))
        return fail('no-report', "CSV is the users check's table: check Onshape users first.");
      const content = contentOf(report, request.format);
      if (content === null) return fail('no-report', MARKDOWN_IS_A_CHECKS);
      try {
        const saved = await host.saveFile({ suggestedName: fileNameFor(report, request.format), content, format: request.format });
        const practice = isCheckReport(report) && report.practiceScenario !== null;
        log.info({ format: request.format, saved: saved.saved, practice }, 'report exported');
        return ok(saved);
      } catch (error) {
        return fail('file-unwritable', `The report could not be saved: ${messageOf(error)}`);
      }
    },
    copyReportSummary: async (request) => {
      const report = reportFor(await reportAtHand(request), request);
      if (!report) return fail('no-report', 'There is no report yet: run a check first.');
      if (!isCheckReport(report)) {
        await host.writeClipboard(request.format === 'md' ? renderReachMarkdown(report) : renderReachText(report));
      } else if (isUsersReport(report)) {
        if (request.format === 'md') return fail('no-report', MARKDOWN_IS_A_CHECKS);
        await host.writeClipboard(renderUsersText(report));
      } else await host.writeClipboard(request.format === 'md' ? renderMarkdown(report) : renderText(report));
      return ok(null);
    },
  };
}

const MARKDOWN_IS_A_CHECKS = "Markdown is a connection check's report: save the users check as HTML, JSON or CSV.";

/**
 * A users check's report carries its users as HTML, JSON and CSV (null: no Markdown); a check's has no CSV;
 * a network test's one step is rendered like a check's (the CSV was refused before).
 */
function contentOf(report: CheckReport | ReachReport, format: ExportRequest['format']): string | null {
  if (!isCheckReport(report)) {
    if (format === 'md') return renderReachMarkdown(report);
    return format === 'html' ? renderReachHtml(report) : renderReachJson(report);
  }
  if (isUsersReport(report)) {
    if (format === 'md') return null;
    if (format === 'csv') return renderUsersCsv(report);
    if (format === 'json') return renderUsersJson(report);
    return renderUsersHtml(report);
  }
  if (format === 'md') return renderMarkdown(report);
  return format === 'html' ? renderHtml(report) : renderJson(report);
}

function reportFor<T extends CheckReport | ReachReport>(report: T | null, request: ExportRequest | SummaryRequest): T | null {
  if (!report) return null;
  return { ...report, supportTicket: request.supportTicket, diagnosisPath: request.diagnosisPath };
}
