import type { Bilingual } from "../domain/catalogue";
import { labelText } from "../domain/messages/labels";
import type { TextCut } from "./xlsx/template";

// Text the command line prints to a terminal. Whatever a file holds (a unit's name, a sheet's name, a cell quoted in
// a message) may carry escape sequences that recolour, retitle or rewrite the terminal, bidi overrides that show
// text in another order than it is, or line breaks that forge a line of the report: none of it reaches the terminal.

// An escape sequence: a CSI (ESC [ or 8-bit CSI, parameters, a final byte), a control string (OSC, DCS, SOS, PM,
// APC up to BEL or ST), or ESC and one more character.
const CSI = String.raw`(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?`;
const CONTROL_STRING = String.raw`(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?`;
const ESCAPE_SEQUENCE = new RegExp(String.raw`${CSI}|${CONTROL_STRING}|\u001b[\s\S]?`, "g");
const LINE_BREAK = new RegExp(String.raw`\r\n|[\n\r\t\v\f\u0085\u2028\u2029]`, "g");
// C0 and C1 controls, DEL, and the bidi marks, embeddings, overrides and isolates.
const CONTROL = new RegExp(
  String.raw`[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]`,
  "g",
);

/**
 * A piece of file-derived text made safe to print on one line of a terminal: escape sequences and control and
 * bidi characters removed, line breaks and tabs turned into spaces.
 */
export function terminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(LINE_BREAK, " ").replace(CONTROL, "");
}

// JSON.stringify escapes C0 controls but leaves C1 controls and bidi characters raw.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;

/**
 * A JSON document made safe for a terminal without changing what it says: the characters JSON.stringify leaves raw
 * that a terminal would act on are written as \u escapes, which any JSON parser reads back as the same string.
 */
export function terminalJson(json: string): string {
  return json.replace(
    JSON_UNSAFE,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** How many cuts a message lists before "and N more". */
const LISTED_CUTS = 5;

/**
 * The line saying which texts the writer cut to Excel's limits, in both languages ("'Phụ lục'!B3: nội dung ô
 * 100.003 ký tự, cắt còn 32.767"); undefined when nothing was cut.
 */
export function textCutsMessage(cuts: readonly TextCut[]): Bilingual | undefined {
  if (!cuts.length) return undefined;
  const where = (cut: TextCut) =>
    terminalText(cut.address ? `'${cut.sheet}'!${cut.address}` : `'${cut.sheet}'`);
  const listed = cuts.slice(0, LISTED_CUTS);
  return labelText("cli_text_cuts", {
    count: cuts.length,
    places: listed.map(where),
    what: listed.map((cut) => cut.kind),
    lengths: listed.map((cut) => cut.length),
    limits: listed.map((cut) => cut.limit),
  });
}
