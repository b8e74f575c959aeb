// The XML of an .xlsx part, read as XML 1.0 with namespaces says, for what SpreadsheetML can hold. Written here
// rather than taken from a parser so that it stays small and fast (a thousand workbooks in a consolidation), and so
// its conformance is the list below, each item tested in test/xlsx/xml.test.ts:
//
// - encodings: UTF-8 (with or without BOM) and UTF-16 LE/BE (BOM, or detected from "<?" as XML 1.0 appendix F
//   says); an encoding declaration naming anything else is refused; bytes invalid in the encoding are refused;
// - markup: start, end and empty-element tags, names checked to match; attributes in double or single quotes, with
//   `>` allowed inside, `<` refused, each name once per element; white space normalised in attribute values
//   (XML 1.0 3.3.3) and line ends in text (2.11);
// - references: the five predefined entities and decimal/hexadecimal character references, in text and attribute
//   values; any other entity reference is refused (there is no DTD to define it);
// - CDATA sections (text, unescaped), comments (skipped, "--" inside refused), processing instructions (skipped),
//   the XML declaration (only at the very start);
// - namespaces (Namespaces in XML 1.0): default and prefixed declarations, scoped to their element, the `xml`
//   prefix predefined, unprefixed attributes in no namespace; an undeclared prefix is refused;
// - DOCTYPE is refused outright: an .xlsx never has one, and it is how entity expansion ("billion laughs") and
//   external entities get in;
// - one root element, nothing but comments, PIs and white space outside it.
// Not checked: that characters are within XML's Char production, and that names use only name characters beyond
// stopping at white space, "/", ">" and "=".

/** A part that is not well-formed XML, or that uses what this reader refuses (DOCTYPE, another encoding). */
export class XmlError extends Error {
  constructor(
    message: string,
    /** True for a DOCTYPE: refused on purpose, not a damaged file. */
    readonly doctype = false,
  ) {
    super(message);
    this.name = "XmlError";
  }
}

/**
 * Attributes of one element: an unprefixed name by itself, a namespaced one in Clark notation
 * (`{http://…/relationships}id`). Valid during the handler's open() only: the list is reused.
 */
export interface XmlAttributes {
  get(name: string): string | undefined;
  has(name: string): boolean;
  entries(): IterableIterator<[string, string]>;
}

/** An element's few attributes in two arrays: searched in place, cheaper than a Map built for each element. */
class AttributeList implements XmlAttributes {
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private size = 0;

  clear(): void {
    this.size = 0;
  }

  /** Adds an attribute; false when the element already has one of this name. */
  add(name: string, value: string): boolean {
    if (this.get(name) !== undefined) return false;
    this.names[this.size] = name;
    this.values[this.size] = value;
    this.size++;
    return true;
  }

  get(name: string): string | undefined {
    for (let index = 0; index < this.size; index++) if (this.names[index] === name) return this.values[index];
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  *entries(): IterableIterator<[string, string]> {
    for (let index = 0; index < this.size; index++) yield [this.names[index]!, this.values[index]!];
  }
}

/** What a reading of XML is told, element by element; `uri` is the element's namespace ("" for none). */
export interface XmlHandler {
  /**
   * An element opens. Returning SKIP_CONTENT passes over everything inside it to its end tag, unread and unchecked
   * but for finding that end tag (same-named elements nested in it counted, comments and CDATA stepped over); the
   * element's close() still comes; whatever else it returns, reading goes on inside. A reader uses it for subtrees
   * it never needs (WordprocessingML's cell borders).
   */
  open(uri: string, local: string, attributes: XmlAttributes): unknown;
  close(uri: string, local: string): void;
  text?(text: string): void;
}

/** What open() returns to have the element's content passed over. */
export const SKIP_CONTENT: unique symbol = Symbol("skip content");

/** Thrown by a handler to stop reading early (it has all it needs); readXml returns normally. */
export class StopReading extends Error {}

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

const DECODERS = new Map<string, TextDecoder>();
const KNOWN_NAMESPACES = new Map<string, string>();

/**
 * Makes every declaration of this namespace hand the reader this very string, so that a reader comparing element
 * namespaces with it compares one pointer rather than the URI's characters, element after element.
 */
export function knownNamespace(uri: string): void {
  KNOWN_NAMESPACES.set(uri, uri);
}

/** The text of an XML part's bytes, decoded as its BOM or first bytes and its declaration say. */
export function decodeXml(bytes: Uint8Array): string {
  let encoding = "utf-8";
  let start = 0;
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) start = 3;
  else if (b0 === 0xff && b1 === 0xfe) [encoding, start] = ["utf-16le", 2];
  else if (b0 === 0xfe && b1 === 0xff) [encoding, start] = ["utf-16be", 2];
  else if (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0) encoding = "utf-16le";
  else if (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f) encoding = "utf-16be";
  let text: string;
  try {
    let decoder = DECODERS.get(encoding);
    if (!decoder)
      DECODERS.set(encoding, (decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })));
    text = decoder.decode(bytes.subarray(start));
  } catch {
    throw new XmlError(`bytes invalid in ${encoding}`);
  }
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(text);
  const name = (declared?.[1] ?? declared?.[2])?.toLowerCase();
  if (name !== undefined) {
    const sixteen = encoding.startsWith("utf-16");
    const fits = sixteen ? name === "utf-16" || name === encoding : name === "utf-8" || name === "us-ascii";
    if (!fits) throw new XmlError(`encoding ${name} declared, ${encoding} found`);
  }
  return text;
}

/** A host's own conversions between bytes and one-byte strings (node's Buffer, "latin1"), and its UTF-8 check. */
export interface NativeText {
  /** The bytes as a string of one character per byte. */
  binary(bytes: Uint8Array): string;
  /** The inverse of binary(). */
  bytes(binary: string): Uint8Array;
  isUtf8(bytes: Uint8Array): boolean;
}

let nativeText: NativeText | undefined;

/** Makes decodePrunedXml prune parts before decoding them, with `text` (see NativeText); undefined: no longer. */
export function useNativeText(text: NativeText | undefined): void {
  nativeText = text;
}

/**
 * decodeXml of a part that `prune` then rewrites, by removing markup that starts and ends with an ASCII character
 * and keeping everything else as it is. Where the host converts bytes natively, a part whose bytes are valid UTF-8
 * is pruned as a string of one character per byte and only what is left is decoded: most of a Word document is
 * markup its reader removes, and decoding it cost more than reading the rest. Such removal cannot make bytes
 * valid or invalid UTF-8 (the whole part is checked first), nor change what is kept; anywhere else the decoded text
 * is pruned.
 */
export function decodePrunedXml(bytes: Uint8Array, prune: (text: string) => string): string {
  const sixteen = bytes[0] === 0xff || bytes[0] === 0xfe || bytes[0] === 0 || bytes[1] === 0;
  if (!nativeText || sixteen || !nativeText.isUtf8(bytes)) return prune(decodeXml(bytes));
  const binary = nativeText.binary(bytes);
  const pruned = prune(binary);
  return decodeXml(pruned === binary ? bytes : nativeText.bytes(pruned));
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const REFERENCE = /&([^;&<]*);?/g;

function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (match, body: string) => {
    if (!match.endsWith(";")) throw new XmlError(`unterminated reference ${match}`);
    const named = PREDEFINED[body];
    if (named !== undefined) return named;
    const code = /^#x[0-9a-fA-F]+$/.test(body)
      ? parseInt(body.slice(2), 16)
      : /^#[0-9]+$/.test(body)
        ? parseInt(body.slice(1), 10)
        : NaN;
    if (Number.isNaN(code)) throw new XmlError(`undefined entity &${body};`);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      throw new XmlError(`character reference &${body}; to no character`);
    }
    return String.fromCodePoint(code);
  });
}

function textOf(raw: string): string {
  const lines = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  return lines.includes("&") ? decodeReferences(lines) : lines;
}

const NEEDS_WORK = /[\t\n\r<&]/;

function attributeValue(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw;
  if (raw.includes("<")) throw new XmlError("'<' in an attribute value");
  const spaced = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
  return spaced.includes("&") ? decodeReferences(spaced) : spaced;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isBlank(text: string): boolean {
  for (let at = 0; at < text.length; at++) if (!isSpace(text.charCodeAt(at))) return false;
  return true;
}

type QName = readonly [uri: string, local: string];

/** The namespace declarations in force, and the element names already resolved under them. */
interface Scope {
  readonly prefixes: ReadonlyMap<string, string>;
  readonly elements: Map<string, QName>;
  /** Prefixed attribute names already resolved to their Clark key: WordprocessingML prefixes every attribute. */
  readonly attributes: Map<string, string>;
}

const ROOT_PREFIXES: ReadonlyMap<string, string> = new Map([
  ["xml", XML_NAMESPACE],
  ["xmlns", XMLNS_NAMESPACE],
]);

function resolve(prefixes: ReadonlyMap<string, string>, qualified: string, element: boolean): QName {
  const colon = qualified.indexOf(":");
  if (colon < 0) return [element ? (prefixes.get("") ?? "") : "", qualified];
  const prefix = qualified.slice(0, colon);
  const uri = prefixes.get(prefix);
  if (uri === undefined) throw new XmlError(`undeclared namespace prefix ${prefix}`);
  return [uri, qualified.slice(colon + 1)];
}

function elementName(scope: Scope, qualified: string): QName {
  let name = scope.elements.get(qualified);
  if (name === undefined) {
    name = resolve(scope.prefixes, qualified, true);
    scope.elements.set(qualified, name);
  }
  return name;
}

/** Reads XML text, calling the handler for each element and text run; throws XmlError when it is not well-formed. */
export function readXml(xml: string, handler: XmlHandler): void {
  try {
    tokenize(xml, handler);
  } catch (error) {
    if (error instanceof StopReading) return;
    throw error;
  }
}

function tokenize(xml: string, handler: XmlHandler): void {
  const names: string[] = [];
  const scopes: Scope[] = [{ prefixes: ROOT_PREFIXES, elements: new Map(), attributes: new Map() }];
  const elements: QName[] = [];
  // One list for every element's attributes: a handler reads them during open() only.
  const attributes = new AttributeList();
  let rootSeen = false;
  let at = 0;
  const length = xml.length;
  while (at < length) {
    const lt = xml.indexOf("<", at);
    const end = lt < 0 ? length : lt;
    if (end > at) {
      const raw = xml.slice(at, end);
      if (names.length > 0) {
        if (raw.includes("]]>")) throw new XmlError("']]>' in text");
        // Decoded even when unread, so that a bad reference is refused wherever it is.
        const decoded = textOf(raw);
        handler.text?.(decoded);
      } else if (!isBlank(raw)) throw new XmlError("text outside the root element");
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      const gt = xml.indexOf(">", lt + 2);
      if (gt < 0) throw new XmlError("unterminated end tag");
      const open = names.pop();
      // Compared in place: slicing out every end tag's name costs a string each.
      let after = open === undefined || !xml.startsWith(open, lt + 2) ? -1 : lt + 2 + open.length;
      while (after >= 0 && after < gt && isSpace(xml.charCodeAt(after))) after++;
      if (after !== gt) {
        const name = xml.slice(lt + 2, gt).trimEnd();
        throw new XmlError(`</${name}> closes <${open ?? ""}>`);
      }
      scopes.pop();
      const [uri, local] = elements.pop()!;
      handler.close(uri, local);
      at = gt + 1;
    } else if (next === 0x3f /* ? */) {
      const close = xml.indexOf("?>", lt + 2);
      if (close < 0) throw new XmlError("unterminated processing instruction");
      const target = /^[^\s?]*/.exec(xml.slice(lt + 2, close))![0];
      if (target.toLowerCase() === "xml" && (lt !== 0 || target !== "xml")) {
        throw new XmlError("XML declaration not at the start");
      }
      at = close + 2;
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const close = xml.indexOf("--", lt + 4);
        if (close < 0) throw new XmlError("unterminated comment");
        if (xml.charCodeAt(close + 2) !== 0x3e) throw new XmlError("'--' inside a comment");
        at = close + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        if (names.length === 0) throw new XmlError("CDATA outside the root element");
        const close = xml.indexOf("]]>", lt + 9);
        if (close < 0) throw new XmlError("unterminated CDATA section");
        const raw = xml.slice(lt + 9, close);
        handler.text?.(raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw);
        at = close + 3;
      } else if (xml.startsWith("<!DOCTYPE", lt)) {
        throw new XmlError("DOCTYPE", true);
      } else throw new XmlError("unknown markup <!");
    } else {
      at = startTag(xml, lt, names, scopes, elements, attributes, handler, rootSeen);
      rootSeen = true;
    }
  }
  if (names.length > 0) throw new XmlError(`<${names[names.length - 1]!}> never closed`);
  if (!rootSeen) throw new XmlError("no root element");
}

function endsName(code: number): boolean {
  return code === 0x3e || code === 0x2f || isSpace(code);
}

/** Where reading goes on past the end tag of the element `name` whose content starts at `from`. */
function endOfContent(xml: string, from: number, name: string): number {
  let depth = 1;
  let at = from;
  for (;;) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) throw new XmlError(`<${name}> never closed`);
    if (xml.startsWith("<!--", lt)) {
      const close = xml.indexOf("-->", lt + 4);
      if (close < 0) throw new XmlError("unterminated comment");
      at = close + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const close = xml.indexOf("]]>", lt + 9);
      if (close < 0) throw new XmlError("unterminated CDATA section");
      at = close + 3;
      continue;
    }
    const end = xml.charCodeAt(lt + 1) === 0x2f;
    const start = lt + (end ? 2 : 1);
    if (xml.startsWith(name, start) && endsName(xml.charCodeAt(start + name.length))) {
      const gt = xml.indexOf(">", start);
      if (gt < 0) throw new XmlError(`unterminated tag <${name}`);
      if (end && --depth === 0) return gt + 1;
      if (!end && xml.charCodeAt(gt - 1) !== 0x2f) depth++;
      at = gt + 1;
      continue;
    }
    at = lt + 1;
  }
}

/** Names seen, by their length and two of their characters; see interned(). */
const INTERNED = new Map<number, string>();
const MAX_INTERNED = 4096;

/**
 * The name at [start, end) of the text, as the very string seen last time the same name was read: no new string
 * for each of a part's thousands of tags, and the maps keyed by names (resolved elements and attributes) look up a
 * string whose hash is known. Compared whole before it is reused, so any two names that share a key only cost a
 * slice.
 */
function interned(xml: string, start: number, end: number): string {
  const length = end - start;
  // A name of one or two characters (SpreadsheetML's c, v, r, s, t) is as cheap to slice as to look up.
  if (length <= 2 || length > 40) return xml.slice(start, end);
  const key =
    length * 0x10000 + ((xml.charCodeAt(end - 1) * 31 + xml.charCodeAt(start + (length >> 1))) & 0xffff);
  const known = INTERNED.get(key);
  if (known !== undefined && xml.startsWith(known, start)) return known;
  const name = xml.slice(start, end);
  if (INTERNED.size >= MAX_INTERNED) INTERNED.clear();
  INTERNED.set(key, name);
  return name;
}

/**
 * One tag's prefixed attributes and namespace declarations, kept between reading them and resolving them: one pair
 * of arrays for every tag (WordprocessingML prefixes every attribute), used up before the handler is called.
 */
const PREFIXED_NAMES: string[] = [];
const PREFIXED_VALUES: string[] = [];

/** Reads one start or empty-element tag at `lt`; returns where reading goes on. */
function startTag(
  xml: string,
  lt: number,
  names: string[],
  scopes: Scope[],
  elements: QName[],
  attributes: AttributeList,
  handler: XmlHandler,
  rootSeen: boolean,
): number {
  if (names.length === 0 && rootSeen) throw new XmlError("a second root element");
  const length = xml.length;
  let at = lt + 1;
  let bad = false;
  while (at < length) {
    const code = xml.charCodeAt(at);
    if (code === 0x20 || code === 0x2f || code === 0x3e || code === 0x09 || code === 0x0a || code === 0x0d)
      break;
    if (code === 0x3c) bad = true;
    at++;
  }
  if (at === lt + 1 || bad) throw new XmlError("a tag without a name");
  const name = interned(xml, lt + 1, at);
  attributes.clear();
  // Prefixed attributes and namespace declarations, resolved once the element's own declarations are known.
  let prefixed = 0;
  let empty = false;
  for (;;) {
    while (at < length && isSpace(xml.charCodeAt(at))) at++;
    if (at >= length) throw new XmlError(`unterminated tag <${name}`);
    const code = xml.charCodeAt(at);
    if (code === 0x3e) {
      at++;
      break;
    }
    if (code === 0x2f) {
      if (xml.charCodeAt(at + 1) !== 0x3e) throw new XmlError(`'/' inside <${name}>`);
      empty = true;
      at += 2;
      break;
    }
    const nameStart = at;
    let colon = false;
    while (at < length) {
      const c = xml.charCodeAt(at);
      if (c === 0x3d || c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d)
        break;
      if (c === 0x3a) colon = true;
      at++;
    }
    const attribute = interned(xml, nameStart, at);
    while (at < length && isSpace(xml.charCodeAt(at))) at++;
    if (xml.charCodeAt(at) !== 0x3d || attribute === "") {
      throw new XmlError(`attribute without a value in <${name}>`);
    }
    at++;
    while (at < length && isSpace(xml.charCodeAt(at))) at++;
    const quote = xml.charCodeAt(at);
    if (quote !== 0x22 && quote !== 0x27) throw new XmlError(`unquoted attribute ${attribute} in <${name}>`);
    const close = xml.indexOf(quote === 0x22 ? '"' : "'", at + 1);
    if (close < 0) throw new XmlError(`unterminated attribute ${attribute}`);
    const value = attributeValue(xml.slice(at + 1, close));
    if (colon || attribute === "xmlns") {
      PREFIXED_NAMES[prefixed] = attribute;
      PREFIXED_VALUES[prefixed++] = value;
    } else if (!attributes.add(attribute, value))
      throw new XmlError(`attribute ${attribute} twice in <${name}>`);
    at = close + 1;
    const after = xml.charCodeAt(at);
    if (!isSpace(after) && after !== 0x3e && after !== 0x2f) {
      throw new XmlError(`no space between attributes in <${name}>`);
    }
  }
  let scope = scopes[scopes.length - 1]!;
  if (prefixed > 0) {
    let declared: Map<string, string> | undefined;
    for (let index = 0; index < prefixed; index++) {
      const attribute = PREFIXED_NAMES[index]!;
      const value = PREFIXED_VALUES[index]!;
      if (attribute !== "xmlns" && !attribute.startsWith("xmlns:")) continue;
      declared ??= new Map(scope.prefixes);
      const prefix = attribute === "xmlns" ? "" : attribute.slice(6);
      if (
        prefix !== "" &&
        (value === "" || prefix === "xmlns" || (prefix === "xml") !== (value === XML_NAMESPACE))
      ) {
        throw new XmlError(`namespace declaration ${attribute}="${value}"`);
      }
      declared.set(prefix, KNOWN_NAMESPACES.get(value) ?? value);
    }
    if (declared) scope = { prefixes: declared, elements: new Map(), attributes: new Map() };
    for (let index = 0; index < prefixed; index++) {
      const attribute = PREFIXED_NAMES[index]!;
      const value = PREFIXED_VALUES[index]!;
      if (attribute === "xmlns" || attribute.startsWith("xmlns:")) continue;
      let key = scope.attributes.get(attribute);
      if (key === undefined) {
        const [uri, local] = resolve(scope.prefixes, attribute, false);
        scope.attributes.set(attribute, (key = `{${uri}}${local}`));
      }
      if (!attributes.add(key, value)) throw new XmlError(`attribute ${attribute} twice in <${name}>`);
    }
  }
  const qualified = elementName(scope, name);
  const skip = handler.open(qualified[0], qualified[1], attributes);
  if (empty) handler.close(qualified[0], qualified[1]);
  else if (skip === SKIP_CONTENT) {
    at = endOfContent(xml, at, name);
    handler.close(qualified[0], qualified[1]);
  } else {
    names.push(name);
    scopes.push(scope);
    elements.push(qualified);
  }
  return at;
}
