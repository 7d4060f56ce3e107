import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/commons/csv';

/** What the known-operator import read with before (csv-parse, decision 0034): the same rows, the same refusals. */
const csvParse = (text: string) =>
  parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];

describe('parseCsv', () => {
  const texts = [
    'a,b,c\n1,2,3\n',
    'a,b,c\r\n1,2,3\r\n',
    'a,b\r1,2\r',
    'a,b\n\n1,2\n\n\n',
    ' a , b \n 1 ,  2\n',
    'a,b,c\n1\n1,2,3,4\n',
    '名称,地址\n"小星星, 托育","八一大道 ""1"" 号"\n',
    'a,b\n"line\nbreak",x\n',
    'a,b\n  "q" ,x\n',
    'a,,c\n,,\n',
    'a,b\n1,2',
    'a,b\n"",x\n',
  ];
  it.each(texts)('reads %j as csv-parse does', (text) => {
    expect(parseCsv(text)).toEqual(csvParse(text));
  });

  const broken = ['a,b\n"unclosed,x\n', 'a,b\n"q"x,y\n', 'a,b\nab"c,d\n'];
  it.each(broken)('refuses %j as csv-parse does', (text) => {
    expect(() => csvParse(text)).toThrow();
    expect(() => parseCsv(text)).toThrow(/CSV/);
  });
});
