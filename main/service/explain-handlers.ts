// The explain part of the service: explaining pasted text (kept in the history, as its export holds it),
// and saving or copying the explanation. Nothing here reaches the network, the keychain or the settings.
import type { ExplanationExportRequest, ExplanationOutputRequest } from '../../common/ipc/contract.js';
import type { ExplanationReport } from '../../common/explanation.js';
import { explainMessage } from '../explain/explain.js';
import type { AppLogger } from '../logging/index.js';
import { explanationFileName, renderExplanationHtml } from '../report/explanation-html.js';
import { renderExplanationJson } from '../report/explanation-json.js';
import { renderExplanationMarkdown } from '../report/explanation-markdown.js';
import { renderExplanationText } from '../report/explanation-text.js';
import { toolInfo } from '../version.js';
import { fail, messageOf, ok, type Handlers } from './handler.js';
import type { HistoryHandlers } from './history-handlers.js';
import type { ServiceHost } from './host.js';

const PAST_GONE = 'That explanation is no longer in the list of recent checks.';

export function explainHandlers(
  host: ServiceHost,
  now: () => Date,
  log: AppLogger,
  history: Pick<HistoryHandlers, 'keepExplanation' | 'explanationOf'>,
): Pick<Handlers, 'explainMessage' | 'exportExplanation' | 'copyExplanation'> {
  const fresh = (text: string, at: Date): ExplanationReport => ({
    tool: toolInfo(),
    createdAt: at.toISOString(),
    explanation: explainMessage(text, { now: at }),
    chosenId: null,
    answers: null,
  });
  /** The text explained now, or the past explanation the request names, with the admin's choices. */
  const reportOf = async (request: ExplanationOutputRequest): Promise<ExplanationReport | null> => {
    const base = request.historyId === null ? fresh(request.text, now()) : await history.explanationOf(request.historyId);
    if (!base) return null;
    // A choice that names no candidate of this text is ignored rather than trusted.
    const chosenId = base.explanation.candidates.some((candidate) => candidate.id === request.chosenId) ? request.chosenId : null;
    return { ...base, chosenId, answers: request.answers };
  };
  return {
    explainMessage: async ({ text }) => {
      const report = fresh(text, now());
      const { explanation } = report;
      // Which entries, never the text: it is the admin's and may hold anything.
      log.info(
        { recognized: explanation.recognized, candidates: explanation.candidates.map((candidate) => candidate.id) },
        'message explained',
      );
      // Kept as its export would hold it (the text as shown, labelled secrets masked); a failure to keep is
      // logged by the history, and the explanation is still shown.
      await history.keepExplanation(report);
      return ok(explanation);
    },
    exportExplanation: async (request) => {
      const report = await reportOf(request);
      if (!report) return fail('no-report', PAST_GONE);
      const content = EXPORT_RENDERERS[request.format](report);
      try {
        const saved = await host.saveFile({ suggestedName: explanationFileName(report, request.format), content, format: request.format });
        log.info({ format: request.format, saved: saved.saved }, 'explanation exported');
        return ok(saved);
      } catch (error) {
        return fail('file-unwritable', `The report could not be saved: ${messageOf(error)}`);
      }
    },
    copyExplanation: async (request) => {
      const report = await reportOf(request);
      if (!report) return fail('no-report', PAST_GONE);
      await host.writeClipboard(request.format === 'md' ? renderExplanationMarkdown(report) : renderExplanationText(report));
      return ok(null);
    },
  };
}

const EXPORT_RENDERERS: Record<ExplanationExportRequest['format'], (report: ExplanationReport) => string> = {
  html: renderExplanationHtml,
  json: renderExplanationJson,
  md: renderExplanationMarkdown,
};
