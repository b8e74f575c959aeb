import type { XmlAttributes } from "../xlsx/xml";
import { readXml, SKIP_CONTENT } from "../xlsx/xml";
import { isWordNamespace, wordAttribute } from "./namespace";

// Word's automatic numbering (ECMA-376 part 1, 17.9): a paragraph names a list instance (w:num) and a level; the
// instance points at an abstract definition whose levels say where counting starts, how a number is written
// (decimal, letters, roman) and the text around it ("%1.%2." is "3.1."). The STT column of an appendix is often
// numbered this way, so its codes exist only as Word computes them while it lays the document out.

/** One level of an abstract numbering definition. */
interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
  /** Legal numbering: every level's number written in decimal (17.9.4). */
  readonly legal: boolean;
}

/** A list instance: its abstract definition and the levels whose counting it restarts. */
interface Instance {
  readonly abstract: string;
  readonly starts: ReadonlyMap<number, number>;
}

/** The numbering part of a document, and the counters Word keeps while it lays paragraphs out in order. */
export class Numbering {
  private readonly counters = new Map<string, number[]>();
  private readonly restarted = new Set<string>();

  constructor(
    private readonly abstracts: ReadonlyMap<string, ReadonlyMap<number, Level>>,
    private readonly instances: ReadonlyMap<string, Instance>,
  ) {}

  /**
   * The label Word shows before the next paragraph of list `numId` at `level` ("3.1.", "a)"), counting it; ""
   * for a bullet, a level without text, or a list the part does not define.
   */
  next(numId: string, level: number): string {
    const instance = this.instances.get(numId);
    const levels = instance && this.abstracts.get(instance.abstract);
    const definition = levels?.get(level);
    if (!instance || !levels || !definition) return "";
    // Instances of one abstract definition continue one count unless an instance restarts a level.
    let counts = this.counters.get(instance.abstract);
    if (!counts) this.counters.set(instance.abstract, (counts = []));
    if (!this.restarted.has(numId) && instance.starts.size) {
      this.restarted.add(numId);
      for (const [at, start] of instance.starts) counts[at] = start - 1;
    }
    counts[level] = (counts[level] ?? (levels.get(level)?.start ?? 1) - 1) + 1;
    counts.length = level + 1;
    if (definition.format === "bullet" || definition.format === "none") return "";
    return definition.text.replace(/%([1-9])/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      const shown = levels.get(at);
      const count = counts[at] ?? shown?.start ?? 1;
      return formatNumber(count, definition.legal ? "decimal" : (shown?.format ?? "decimal"));
    });
  }
}

const ROMAN: readonly [number, string][] = [
  [1000, "m"],
  [900, "cm"],
  [500, "d"],
  [400, "cd"],
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

function roman(count: number): string {
  let rest = Math.max(1, Math.min(count, 3999));
  let text = "";
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      text += letters;
      rest -= value;
    }
  }
  return text;
}

/** Letters as Word counts them past z: aa, bb, cc (17.18.59 ST_NumberFormat lowerLetter). */
function letters(count: number): string {
  const index = Math.max(1, count) - 1;
  return String.fromCharCode(97 + (index % 26)).repeat(Math.floor(index / 26) + 1);
}

function formatNumber(count: number, format: string): string {
  switch (format) {
    case "decimalZero":
      return count < 10 ? `0${count}` : String(count);
    case "lowerLetter":
      return letters(count);
    case "upperLetter":
      return letters(count).toUpperCase();
    case "lowerRoman":
      return roman(count);
    case "upperRoman":
      return roman(count).toUpperCase();
    default:
      return String(count);
  }
}

/** Reads word/numbering.xml; an absent part is a document without automatic numbering. */
export function readNumbering(xml: string | undefined): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  const instances = new Map<string, Instance>();
  if (xml === undefined) return new Numbering(abstracts, instances);
  let abstract: Map<number, Level> | undefined;
  let level: { at: number; start: number; format: string; text: string; legal: boolean } | undefined;
  let instance: { id: string; abstract: string; starts: Map<number, number> } | undefined;
  let override: number | undefined;
  readXml(xml, {
    open(uri: string, local: string, attributes: XmlAttributes) {
      if (!isWordNamespace(uri)) return;
      // A level's paragraph and run properties (indents, tab stops, the bullet's font) say nothing of its number.
      if (local === "pPr" || local === "rPr") return SKIP_CONTENT;
      const value = wordAttribute(attributes, "val");
      switch (local) {
        case "abstractNum": {
          abstract = new Map();
          abstracts.set(wordAttribute(attributes, "abstractNumId") ?? "", abstract);
          break;
        }
        case "lvl":
          if (abstract) {
            const at = Number(wordAttribute(attributes, "ilvl") ?? "0");
            level = { at, start: 1, format: "decimal", text: "", legal: false };
          } else if (instance) override = Number(wordAttribute(attributes, "ilvl") ?? "0");
          break;
        case "start":
          if (level) level.start = Number(value ?? "1") || 0;
          break;
        case "numFmt":
          if (level) level.format = value ?? "decimal";
          break;
        case "lvlText":
          if (level) level.text = value ?? "";
          break;
        case "isLgl":
          if (level) level.legal = value !== "0" && value !== "false";
          break;
        case "num":
          instance = { id: wordAttribute(attributes, "numId") ?? "", abstract: "", starts: new Map() };
          break;
        case "abstractNumId":
          if (instance) instance.abstract = value ?? "";
          break;
        case "lvlOverride":
          override = Number(wordAttribute(attributes, "ilvl") ?? "0");
          break;
        case "startOverride":
          if (instance && override !== undefined) instance.starts.set(override, Number(value ?? "1"));
          break;
      }
    },
    close(uri: string, local: string) {
      if (!isWordNamespace(uri)) return;
      if (local === "lvl" && abstract && level) {
        abstract.set(level.at, level);
        level = undefined;
      } else if (local === "abstractNum") abstract = undefined;
      else if (local === "num" && instance) {
        instances.set(instance.id, instance);
        instance = undefined;
      } else if (local === "lvlOverride") override = undefined;
    },
  });
  return new Numbering(abstracts, instances);
}
