// The explain part of the service: explaining pasted text, and saving or copying the explanation. Pure
// text in, text out: nothing here reaches the network, the keychain or the settings.
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
import type { ServiceHost } from './host.js';

export function explainHandlers(
  host: ServiceHost,
  now: () => Date,
  log: AppLogger,
): Pick<Handlers, 'explainMessage' | 'exportExplanation' | 'copyExplanation'> {
  const reportOf = (request: ExplanationOutputRequest): ExplanationReport => {
    const at = now();
    const explanation = explainMessage(request.text, { now: at });
    // A choice that names no candidate of this text is ignored rather than trusted.
    const chosenId = explanation.candidates.some((candidate) => candidate.id === request.chosenId) ? request.chosenId : null;
    return { tool: toolInfo(), createdAt: at.toISOString(), explanation, chosenId, answers: request.answers };
  };
  return {
    explainMessage: async ({ text }) => {
      const explanation = explainMessage(text, { now: now() });
      // Which entries, never the text: it is the admin's and may hold anything.
      log.info(
        { recognized: explanation.recognized, candidates: explanation.candidates.map((candidate) => candidate.id) },
        'message explained',
      );
      return ok(explanation);
    },
    exportExplanation: async (request) => {
      const report = reportOf(request);
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
      const report = reportOf(request);
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
