// Reading the list of Onshape users: pasted lists, CSV exports, mixed case and duplicates, invalid lines.
import { describe, expect, it } from 'vitest';
import { MAX_EMAILS, parseEmailList, type EmailList } from '../../main/users/email-input.js';

function parsed(text: string): EmailList {
  const result = parseEmailList(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('parseEmailList', () => {
  it('splits a pasted list on newlines, commas, semicolons and spaces', () => {
    const list = parsed(
      'dana@northwind.example\nbob@northwind.example, eve@northwind.example;ann@northwind.example  joe@northwind.example\r\nkim@northwind.example',
    );
    expect(list.emails).toEqual([
      'dana@northwind.example',
      'bob@northwind.example',
      'eve@northwind.example',
      'ann@northwind.example',
      'joe@northwind.example',
      'kim@northwind.example',
    ]);
    expect(list.invalid).toEqual([]);
    expect(list.column).toBeNull();
  });

  it('trims, case-folds and de-duplicates, keeping the first order', () => {
    const list = parsed(
      '  Dana@NorthWind.Example \ndana@northwind.example\nBOB@northwind.example\n"dana@northwind.example"\n<bob@NORTHWIND.example>',
    );
    expect(list.emails).toEqual(['dana@northwind.example', 'bob@northwind.example']);
    expect(list.duplicates).toBe(3);
  });

  it('reports lines without a valid email by line number, and broken addresses on lines that have one', () => {
    const list = parsed('dana@northwind.example\n\nnot an email\nbob@northwind.example, eve@\n  \nann@northwind');
    expect(list.emails).toEqual(['dana@northwind.example', 'bob@northwind.example']);
    expect(list.invalid).toEqual([
      { line: 3, text: 'not an email' },
      { line: 4, text: 'eve@' },
      { line: 6, text: 'ann@northwind' },
    ]);
  });

  it('takes the email column of a CSV export, whatever the other columns hold', () => {
    const csv = [
      'Name,Role,E-mail address,Manager',
      '"Smith, Dana",Designer,Dana.Smith@Northwind.example,boss@northwind.example',
      'Bob Jones,Engineer,bob@northwind.example,"Lee, Ann <ann@northwind.example>"',
      'No Mail,Intern,,boss@northwind.example',
      '"Multi',
      'line",Viewer,kim@northwind.example,',
    ].join('\n');
    const list = parsed(csv);
    expect(list.column).toBe('E-mail address');
    // The managers' addresses in another column are not users to check.
    expect(list.emails).toEqual(['dana.smith@northwind.example', 'bob@northwind.example', 'kim@northwind.example']);
    expect(list.invalid).toEqual([{ line: 4, text: 'No Mail,Intern,,boss@northwind.example' }]);
  });

  it('reads semicolon- and tab-separated exports, with a byte-order mark', () => {
    expect(parsed('\uFEFFEmail;Name\ndana@northwind.example;Dana\n').emails).toEqual(['dana@northwind.example']);
    expect(parsed('name\temail\nDana\tdana@northwind.example\n').emails).toEqual(['dana@northwind.example']);
  });

  it('without an email header, takes every cell that is an email', () => {
    const list = parsed('Name,Role,Address\nDana,Designer,dana@northwind.example\nBob,bob@northwind.example,x');
    expect(list.column).toBeNull();
    expect(list.emails).toEqual(['dana@northwind.example', 'bob@northwind.example']);
    expect(list.invalid).toEqual([{ line: 1, text: 'Name,Role,Address' }]);
  });

  it('takes a first line that holds an email for data, even when a word in it says email', () => {
    const list = parsed('not-an-email;dana@northwind.example\nemail-team@northwind.example');
    expect(list.column).toBeNull();
    expect(list.emails).toEqual(['dana@northwind.example', 'email-team@northwind.example']);
  });

  it('falls back to every cell when the CSV quoting is broken', () => {
    const list = parsed('Email,Name\n"dana@northwind.example,Dana\nbob@northwind.example,Bob');
    expect(list.emails).toEqual(['dana@northwind.example', 'bob@northwind.example']);
  });

  it('accepts 10 000 emails and refuses more, saying how many', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@northwind.example`).join('\n');
    expect(parsed(many(MAX_EMAILS)).emails).toHaveLength(MAX_EMAILS);
    const over = parseEmailList(many(MAX_EMAILS + 1));
    expect(over).toEqual({ ok: false, error: expect.stringContaining('10001') });
  });

  it('shortens invalid text and strips control characters from it', () => {
    const list = parsed(`${'x'.repeat(500)}\nbad\u001b[31mline`);
    expect(list.invalid[0]?.text.length).toBeLessThanOrEqual(81);
    expect(list.invalid[1]?.text).toBe('bad [31mline');
  });
});
