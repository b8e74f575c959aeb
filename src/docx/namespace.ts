import type { XmlAttributes } from "../xlsx/xml";
import { knownNamespace } from "../xlsx/xml";

// WordprocessingML's namespace, transitional or strict (ECMA-376 part 1 and part 4): elements and their attributes
// are matched by namespace and local name, so the namespace may be bound to any prefix.

const MAIN_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MAIN_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";
for (const uri of [MAIN_TRANSITIONAL, MAIN_STRICT]) knownNamespace(uri);

/** The markup-compatibility namespace (ECMA-376 part 3): AlternateContent offers a choice and a fallback. */
export const MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** True for WordprocessingML's own namespace. */
export function isWordNamespace(uri: string): boolean {
  return uri === MAIN_TRANSITIONAL || uri === MAIN_STRICT;
}

const KEYS = new Map<string, readonly [string, string]>();

/** A WordprocessingML attribute (w:val), whichever of the two namespaces the document uses. */
export function wordAttribute(attributes: XmlAttributes, local: string): string | undefined {
  let keys = KEYS.get(local);
  // Built once per name: a reader asks for w:val some ten thousand times a document.
  if (!keys) KEYS.set(local, (keys = [`{${MAIN_TRANSITIONAL}}${local}`, `{${MAIN_STRICT}}${local}`]));
  return attributes.get(keys[0]) ?? attributes.get(keys[1]);
}

/** An on/off property (17.17.4 ST_OnOff): present without a value, or with one that is not false, means on. */
export function isOn(attributes: XmlAttributes): boolean {
  const value = wordAttribute(attributes, "val");
  return value === undefined || !(value === "0" || value === "false" || value === "off");
}
