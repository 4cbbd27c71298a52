// The practice list as an admin uses it: grouped by what fails, each with the Arena code it shows, and a
// filter box that matches titles, codes and descriptions. The scenarios are the simulator's real ones.
import { describe, expect, it } from 'vitest';
import { scenarioSummaries } from '../../main/practice/practice';
import { heading, renderApp, screen, within, type Rendered } from './support/render-app';

const ALL = scenarioSummaries();

async function openPractice(): Promise<Rendered> {
  const rendered = renderApp({ scenarios: ALL });
  await rendered.user.click(await screen.findByRole('button', { name: 'Practice with sample problems' }));
  await heading('Practice with sample problems');
  await screen.findByRole('heading', { level: 2, name: "The integration user's login" });
  return rendered;
}

function groupHeadings(): string[] {
  return screen.queryAllByRole('heading', { level: 2 }).map((element) => element.textContent ?? '');
}

function problemsIn(group: string): string[] {
  const section = screen.getByRole('region', { name: group });
  return within(section)
    .getAllByRole('button')
    .map((button) => button.textContent?.trim() ?? '');
}

const filterBox = () => screen.getByLabelText('Filter by title, Arena code or description');

describe('Practice list', () => {
  it('groups every scenario by what fails, in a fixed order, each with the code Arena shows', async () => {
    await openPractice();
    expect(groupHeadings()).toEqual([
      'Reaching Arena',
      "The integration user's login",
      "The Onshape user's authorization",
      'Logging out',
      'Nothing fails',
    ]);
    expect(problemsIn('Reaching Arena')).toEqual(['Arena is down', 'A web filter blocks Arena']);
    // What answers in Arena's place has no Arena code: the list names the check's own.
    expect(screen.getByRole('button', { name: 'A web filter blocks Arena' })).toHaveAccessibleDescription(
      /^Not Arena's answer: HTML_RESPONSE · The company's web filter/,
    );
    expect(problemsIn('Logging out')).toEqual(['Session gone before logout']);
    expect(problemsIn("The integration user's login")).toContain('WebToken was regenerated');
    expect(problemsIn("The Onshape user's authorization")).toContain('Onshape user locked out');
    expect(screen.getAllByRole('button', { name: /./ }).filter((button) => button.classList.contains('scenario'))).toHaveLength(ALL.length);
    const regenerated = screen.getByRole('button', { name: 'WebToken was regenerated' });
    expect(regenerated).toHaveAccessibleDescription(/^Arena code 4089 · Arena Support generated a new WebToken/);
    expect(screen.getByRole('button', { name: 'Everything is set up correctly' })).toHaveAccessibleDescription(/^No error · /);
    expect(screen.getByRole('status')).toHaveTextContent(`${ALL.length} sample problems`);
    expect(document.body.textContent).not.toMatch(/session key|arenaSessionId/);
  });

  it('filters by an Arena code, keeping only the groups that still hold a match', async () => {
    const { user } = await openPractice();
    await user.type(filterBox(), '4083');
    expect(groupHeadings()).toEqual(["The integration user's login", "The Onshape user's authorization"]);
    expect(problemsIn("The integration user's login")).toEqual(['Integration user locked out']);
    expect(problemsIn("The Onshape user's authorization")).toEqual(['Onshape user locked out']);
    expect(screen.getByRole('status')).toHaveTextContent(`2 of ${ALL.length} sample problems match`);
  });

  it('filters by words of a title or a description, in any case and order', async () => {
    const { user } = await openPractice();
    await user.type(filterBox(), 'REGENERATED webtoken');
    expect(
      screen
        .getAllByRole('button')
        .filter((button) => button.classList.contains('scenario'))
        .map((button) => button.textContent?.trim()),
    ).toEqual(['WebToken was regenerated']);
    await user.clear(filterBox());
    // Only the description says "maintenance window".
    await user.type(filterBox(), 'maintenance window');
    expect(problemsIn('Reaching Arena')).toEqual(['Arena is down']);
    expect(groupHeadings()).toEqual(['Reaching Arena']);
  });

  it('says when nothing matches, and clearing the filter brings every problem back', async () => {
    const { user } = await openPractice();
    await user.type(filterBox(), 'no such problem 99999');
    expect(groupHeadings()).toEqual([]);
    expect(screen.getByText(/No sample problem matches "no such problem 99999"/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the filter' }));
    expect(filterBox()).toHaveValue('');
    expect(groupHeadings()).toHaveLength(5);
  });

  it('picking a filtered problem runs that scenario', async () => {
    const rendered = await openPractice();
    await rendered.user.type(filterBox(), '20015');
    const [only] = screen.getAllByRole('button').filter((button) => button.classList.contains('scenario'));
    if (!only) throw new Error('no match');
    await rendered.user.click(only);
    await heading(/./);
    expect(rendered.scripted.payloadsOf('runPractice')).toEqual([{ scenario: 'user-email-not-found' }]);
  });
});
