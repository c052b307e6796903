// Generates test/fixtures/excel/: files the way a Danish finance office saves them, with the
// bundled numbers (data/viso.csv), so the tests can compare what is read with the bundled data.
//   regnskab-1252.csv   Danish Excel "CSV (semikolonsepareret)": Windows-1252, CRLF, a title and a
//                       blank row, years as rows with units in the headers, a note row below
//   forloeb-utf16.txt   Excel "Unicode-tekst": UTF-16 LE with BOM, tabs, a title row, series ids,
//                       years as columns
//   henvendelser-utf16be.txt  UTF-16 BE with BOM, long layout, no-break spaces between thousands
//   finanslov.csv       a ministry export: UTF-8 with BOM, Finanslovskonto;Tekst;2020;…, amounts in
//                       1.000 kr. (stated in the title), thousands with '.'
//   statbank.csv        StatBank style: UTF-8 without BOM, FORMAAL;TID;INDHOLD, unit in the title,
//                       counts with a space between thousands
//   budget.xlsx         a workbook: a cover sheet, and two sheets with a title and a note above the
//                       table and a source note below; years as rows, units in the headers
//   map.yaml            the labels of these files → series ids
// Run: node scripts/make-excel-fixtures.mjs   (deterministic)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test', 'fixtures', 'excel');
mkdirSync(out, { recursive: true });
const lines = readFileSync(join(root, 'data', 'viso.csv'), 'utf8')
  .trim()
  .split('\n');
const head = lines[0].split(',');
const value = new Map();
for (const l of lines.slice(1)) {
  const r = Object.fromEntries(l.split(',').map((c, i) => [head[i], c]));
  value.set(`${r.series}|${r.year}`, Number(r.value));
}
const v = (series, year) => value.get(`${series}|${year}`);
/** Danish number text: 1.941 / 147,7 */
const da = (x, decimals) => {
  const [i, f] = (decimals === undefined ? String(x) : x.toFixed(decimals)).split('.');
  const g = i.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return f ? `${g},${f}` : g;
};
const R = 'viso.raadgivning';

// --- Windows-1252 semicolon CSV, years as rows
{
  const rows = [
    'VISO – Rådgivning og udredning (§ 15.11.31.10), regnskab;;;',
    ';;;',
    'År;Bevilling (mio. kr.);Forbrug (mio. kr.);Forløb',
  ];
  for (const y of [2017, 2018, 2019, 2020])
    rows.push(`${y};${da(v(`${R}.bevilling`, y), 1)};${da(v(`${R}.forbrug`, y), 1)};${da(v(`${R}.forloeb.i_alt`, y))}`);
  rows.push('Kilde: VISO’s årsrapporter 2017–2020;;;');
  const text = rows.join('\r\n') + '\r\n';
  writeFileSync(join(out, 'regnskab-1252.csv'), encode1252(text));
}

// --- UTF-16 LE "Unicode-tekst", series ids, years as columns
{
  const cats = ['voksne', 'boern_unge', 'specialundervisning', 'andet', 'i_alt'];
  const rows = ['Forløb efter hovedområde\t\t\t\t\t', 'serie\tenhed\t2017\t2018\t2019\t2020'];
  for (const c of cats)
    rows.push(
      [`${R}.forloeb.${c}`, 'antal', ...[2017, 2018, 2019, 2020].map((y) => da(v(`${R}.forloeb.${c}`, y)))].join('\t'),
    );
  writeFileSync(
    join(out, 'forloeb-utf16.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows.join('\r\n') + '\r\n', 'utf16le')]),
  );
}

// --- UTF-16 BE, long layout, no-break space between thousands
{
  const rows = ['serie;år;værdi;enhed'];
  for (const y of [2017, 2018, 2019, 2020])
    rows.push(
      `${R}.henvendelser.i_alt;${y};${String(v(`${R}.henvendelser.i_alt`, y)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')};antal`,
    );
  const le = Buffer.from(rows.join('\r\n') + '\r\n', 'utf16le');
  le.swap16();
  writeFileSync(join(out, 'henvendelser-utf16be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), le]));
}

// --- ministry export: Finanslovskonto;Tekst;years, in 1.000 kr.
{
  const years = [2020, 2022, 2023, 2024];
  const k = (x) => da(Math.round(x * 1000));
  const rows = [
    'Bevillinger på finansloven, løbende priser, 1.000 kr.;;;;;',
    `Finanslovskonto;Tekst;${years.join(';')}`,
  ];
  rows.push(`15.11.31.10;Rådgivning og udredning;${years.map((y) => k(v(`${R}.bevilling`, y))).join(';')}`);
  rows.push(
    `15.11.31.20;Koordination af specialrådgivning og vidensudvikling;${years.map((y) => (v('viso.kas.bevilling', y) === undefined ? '' : k(v('viso.kas.bevilling', y)))).join(';')}`,
  );
  rows.push('Anm.: 2021 er ikke med i udtrækket.;;;;;');
  writeFileSync(join(out, 'finanslov.csv'), '\uFEFF' + rows.join('\r\n') + '\r\n');
}

// --- StatBank style
{
  const labels = {
    voksne: 'Voksne',
    boern_unge: 'Børn og unge',
    specialundervisning: 'Specialundervisning',
    andet: 'Andet',
  };
  const rows = ['VISO-henvendelser efter hovedområde og tid (antal)', '', 'FORMAAL;TID;INDHOLD'];
  for (const [c, label] of Object.entries(labels))
    for (const y of [2017, 2018, 2019, 2020])
      rows.push(`${label};${y};${String(v(`${R}.henvendelser.${c}`, y)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}`);
  writeFileSync(join(out, 'statbank.csv'), rows.join('\n') + '\n');
}

// --- workbook with a cover sheet and two table sheets
{
  const FIXED = Date.UTC(2025, 0, 1);
  const RealDate = Date;
  globalThis.Date = class extends RealDate {
    constructor(...a) {
      super(...(a.length ? a : [FIXED]));
    }
    static now() {
      return FIXED;
    }
  };
  const wb = new ExcelJS.Workbook();
  wb.created = new RealDate(FIXED);
  wb.modified = new RealDate(FIXED);
  const cover = wb.addWorksheet('Forside');
  cover.getCell('A1').value = 'Budgetopfølgning VISO';
  cover.getCell('A3').value = 'Udarbejdet af økonomifunktionen';
  const sheet = (name, title, cols) => {
    const ws = wb.addWorksheet(name);
    ws.getCell('A1').value = title;
    ws.getCell('A2').value = 'Tal fra VISO’s årsrapporter; 2021 mangler.';
    ws.getRow(4).values = ['År', ...cols.map((c) => c[0])];
    let r = 5;
    for (const y of [2017, 2018, 2019, 2020]) {
      ws.getRow(r).values = [y, ...cols.map((c) => v(c[1], y))];
      r++;
    }
    ws.getCell(`A${r + 1}`).value = 'Kilde: Socialstyrelsen';
  };
  sheet('Økonomi', 'Rådgivning og udredning, økonomi', [
    ['Bevilling (mio. kr.)', `${R}.bevilling`],
    ['Forbrug (mio. kr.)', `${R}.forbrug`],
  ]);
  sheet('Aktivitet', 'Rådgivning og udredning, aktivitet', [
    ['Henvendelser (antal)', `${R}.henvendelser.i_alt`],
    ['Forløb (antal)', `${R}.forloeb.i_alt`],
  ]);
  const buf = await wb.xlsx.writeBuffer();
  globalThis.Date = RealDate;
  writeFileSync(join(out, 'budget.xlsx'), Buffer.from(buf));
}

writeFileSync(
  join(out, 'map.yaml'),
  `# The labels of the files in this folder, and the series they are (see README, Excel).
series:
  Bevilling: ${R}.bevilling
  Forbrug: ${R}.forbrug
  Forløb: ${R}.forloeb.i_alt
  Henvendelser: ${R}.henvendelser.i_alt
  Rådgivning og udredning: ${R}.bevilling
  Koordination af specialrådgivning og vidensudvikling: viso.kas.bevilling
  Voksne: ${R}.henvendelser.voksne
  Børn og unge: ${R}.henvendelser.boern_unge
  Specialundervisning: ${R}.henvendelser.specialundervisning
  Andet: ${R}.henvendelser.andet
`,
);

/** Text in Windows-1252 (every character of these files is in it). */
function encode1252(text) {
  const special = {
    '€': 0x80,
    '‚': 0x82,
    '„': 0x84,
    '…': 0x85,
    '–': 0x96,
    '—': 0x97,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
  };
  const bytes = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (special[ch] !== undefined) bytes.push(special[ch]);
    else if (c < 256) bytes.push(c);
    else throw new Error(`not in Windows-1252: ${ch}`);
  }
  return Buffer.from(bytes);
}
