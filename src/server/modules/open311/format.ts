// The two wire formats of GeoReport v2: JSON (the Spark mapping of the XML) and schemaless XML with a UTF-8
// declaration. One value tree serves both, so a field can never appear in one format and not the other.

/** The formats the spec lets a client append to a resource (`services.json`, `requests/5.xml`). */
export const OPEN311_FORMATS = ['json', 'xml'] as const;
/** One of them. */
export type Open311Format = (typeof OPEN311_FORMATS)[number];

/** A value of a response tree: scalars, null (an empty element), objects and lists. */
export type Open311Value = string | number | boolean | null | Open311Value[] | { [key: string]: Open311Value };

/** The element each list's members get in XML, by the list's own element name (the spec's ⇊/↴ pairs). */
const ITEM_TAG: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// XML 1.0 cannot carry C0 control characters other than tab, newline and carriage return: they are dropped.
const isXmlChar = (c: number) => c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const escapeXml = (s: string) =>
  Array.from(s, (ch) => (isXmlChar(ch.charCodeAt(0)) ? (ENTITY[ch] ?? ch) : '')).join('');

function element(tag: string, v: Open311Value): string {
  if (v === null || v === '') return `<${tag}/>`;
  if (Array.isArray(v)) {
    const item = ITEM_TAG[tag] ?? 'item';
    return `<${tag}>${v.map((x) => element(item, x)).join('')}</${tag}>`;
  }
  if (typeof v === 'object')
    return `<${tag}>${Object.entries(v)
      .map(([k, x]) => element(k, x))
      .join('')}</${tag}>`;
  return `<${tag}>${escapeXml(String(v))}</${tag}>`;
}

/** The XML document for a response whose root element is `root` (`services`, `service_requests`, `errors` …). */
export function toXml(root: string, value: Open311Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}

/** The body and content type of a response in the asked format; JSON drops the root (the spec's arrays). */
export function render(format: Open311Format, root: string, value: Open311Value) {
  return format === 'xml'
    ? { type: 'text/xml; charset=utf-8', body: toXml(root, value) }
    : { type: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}
