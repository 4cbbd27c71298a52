// The result screen's evidence of a web page that came back in Arena's place: its title and a short
// excerpt of its text, shown as text only (nothing of the page becomes markup), with axe on the state.
import { rm } from 'node:fs/promises';
import { render } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../renderer/src/App.svelte';
import { report, step } from './support/fixtures';
import type { CheckReport, ReachNetwork } from '../../common/check-report';
import type { CheckOutcome } from '../../common/ipc/contract';
import { failedHeading, renderApp, runToFailure, runToResult, screen, within } from './support/render-app';
import { createTestApi, type TestApi } from './support/test-api';

async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

let testApi: TestApi | null = null;
afterEach(async () => {
  if (testApi) await rm(testApi.dataDir, { recursive: true, force: true });
  testApi = null;
});

function outcomeOf(report: CheckReport): CheckOutcome {
  return { report, recheck: { waitUntil: null, needsChange: true }, tlsHint: null, notices: [], cancelled: false, cancelNote: null };
}

const NETWORK: ReachNetwork = {
  addresses: [],
  addressUsed: null,
  proxy: 'http://proxy.corp.example:8080',
  route: { via: 'system-proxy', reason: 'system-proxy' },
  phases: { dnsMs: null, connectMs: 3, tlsMs: 20, firstByteMs: 40 },
  certificate: null,
  clockOffsetSeconds: 0,
  findings: [],
};

describe('the route a check took, on the result screen', () => {
  it('names the proxy and why it was used, on a passed check and on a failed one', async () => {
    const passed = report({ steps: [step('reach', { endpoint: 'PUT /logout', httpStatus: 401, network: NETWORK }), step('login')] });
    const rendered = renderApp({ checkResults: [{ ok: true, data: outcomeOf(passed) }] });
    await runToResult(rendered, 'The connection works');
    expect(document.querySelector('.route-line')).toHaveTextContent(
      "How this check reached Arena: through the proxy http://proxy.corp.example:8080 (named by this computer's proxy settings)",
    );
    expect(await violations()).toEqual([]);
  });

  it('says why a check went direct', async () => {
    const network: ReachNetwork = { ...NETWORK, proxy: null, route: { via: 'direct', reason: 'no-proxy-match' } };
    const failed = report({
      ok: false,
      steps: [
        step('reach', {
          endpoint: 'PUT /logout',
          outcome: 'failed',
          httpStatus: null,
          errorCode: 'ECONNREFUSED',
          message: 'refused',
          network,
        }),
      ],
    });
    const rendered = renderApp({ checkResults: [{ ok: true, data: outcomeOf(failed) }] });
    await runToFailure(rendered);
    expect(document.querySelector('.route-line')).toHaveTextContent(
      "How this check reached Arena: directly, without a proxy (NO_PROXY names Arena's API host)",
    );
  });
});

describe('a web page instead of Arena, on the result screen', () => {
  it("shows the web filter's page title and its text, from the real service and simulator", async () => {
    testApi = createTestApi();
    const user = userEvent.setup();
    render(App, { props: { api: testApi.api } });
    await user.click(await screen.findByRole('button', { name: 'Practice with sample problems' }));
    await user.click(await screen.findByRole('button', { name: 'A web filter blocks Arena' }));
    await failedHeading();

    const page = screen.getByRole('figure', { name: /The web page that came back instead/ });
    // The title's entity (&ndash;) is decoded; the page's markup, script and style are not in the text.
    expect(within(page).getByText('Access denied – Northwind Secure Web Gateway').tagName).toBe('Q');
    const excerpt = page.querySelector('blockquote');
    expect(excerpt).toHaveTextContent(
      /This website is blocked Your organisation's policy does not allow access to 127\.0\.0\.1:\d+ \. Category: Uncategorised\./,
    );
    expect(excerpt?.textContent).not.toMatch(/reportBlock|font-family|</);
    expect(page.querySelector('b, script, style, h1')).toBeNull();
    // The route the check took: the simulator is on this computer, reached directly.
    expect(document.querySelector('.route-line')).toHaveTextContent(
      'How this check reached Arena: directly, without a proxy (an address on this computer is never reached through a proxy)',
    );
    expect(await violations()).toEqual([]);
  });

  it('renders hostile markup in the title and the excerpt as text, never as elements', async () => {
    const hostile = report({
      ok: false,
      workspaceName: null,
      budget: null,
      steps: [
        step('reach', {
          endpoint: 'PUT /logout',
          outcome: 'failed',
          httpStatus: 200,
          errorCode: 'HTML_RESPONSE',
          message: "A web page came back instead of Arena's JSON (HTTP 200).",
          pageTitle: 'Sign in <img src=x onerror="window.owned=1"> now',
          bodyExcerpt: '<script>window.owned=2</script> Accept the terms',
          budget: null,
        }),
      ],
    });
    const outcome = {
      report: hostile,
      recheck: { waitUntil: null, needsChange: true },
      tlsHint: null,
      notices: [],
      cancelled: false,
      cancelNote: null,
    };
    const rendered = renderApp({ checkResults: [{ ok: true, data: outcome }] });
    await runToFailure(rendered);
    const page = screen.getByRole('figure', { name: /The web page that came back instead/ });
    expect(within(page).getByText('Sign in <img src=x onerror="window.owned=1"> now')).toBeInTheDocument();
    expect(page.querySelector('blockquote')).toHaveTextContent('<script>window.owned=2</script> Accept the terms');
    expect(document.querySelector('img, .page-excerpt script')).toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('shows no page evidence when the answer was not a page', async () => {
    const rendered = renderApp({
      checkResults: [
        {
          ok: true,
          data: {
            report: report({
              ok: false,
              steps: [step('login', { outcome: 'failed', httpStatus: 400, errorCode: 4089, message: 'Invalid Token.' })],
            }),
            recheck: { waitUntil: null, needsChange: true },
            tlsHint: null,
            notices: [],
            cancelled: false,
            cancelNote: null,
          },
        },
      ],
    });
    await runToFailure(rendered);
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });
});
