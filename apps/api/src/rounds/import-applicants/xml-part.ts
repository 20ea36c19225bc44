import { posix } from 'node:path';
import { parser } from 'sax';
import { NotAWorkbook, type ZipParts } from './zip-parts';

/** What a part's reader is told as the XML streams by: tags by their local name (`x:c` is `c`). */
export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Streams one ZIP entry through a strict XML parser: the five XML entities and character
 * references only, no DOCTYPE (so no entity expansion at all), and no buffer past sax's 64 KB
 * (text comes in pieces, a longer name or attribute is an error). Malformed XML is NotAWorkbook.
 */
export async function readXml(zip: ZipParts, name: string, handlers: XmlHandlers): Promise<void> {
  // strictEntities (sax >= 1.3, not in its type definitions): XML's five entities, not HTML's.
  // position must stay on: sax checks its buffers against MAX_BUFFER_LENGTH only as it counts
  // positions, so without it one text node would grow to the size of the part.
  const options = { strictEntities: true, trim: false, normalize: false, position: true };
  const xml = parser(true, options);
  xml.onerror = (error) => {
    throw new NotAWorkbook(`${name}: ${error.message.split('\n')[0] ?? ''}`);
  };
  xml.ondoctype = () => {
    throw new NotAWorkbook(`${name}: a DOCTYPE has no place in a workbook`);
  };
  xml.onopentag = (tag) => handlers.open?.(local(tag.name), tag.attributes as Record<string, string>);
  xml.onclosetag = (tag) => handlers.close?.(local(tag));
  xml.ontext = (text) => handlers.text?.(text);
  xml.oncdata = (text) => handlers.text?.(text);
  await zip.text(name, (text) => void xml.write(text));
  xml.close();
}

/** An attribute by its local name (`r:id` is `id`). */
export function attribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (local(key) === name) return value;
  return undefined;
}

/** The relationships of a part (`xl/workbook.xml` has `xl/_rels/workbook.xml.rels`), each target as an entry name. */
export async function relationships(
  zip: ZipParts,
  part: string,
): Promise<Array<{ id: string; type: string; target: string }>> {
  const dir = posix.dirname(part);
  const rels = posix.join(dir, '_rels', `${posix.basename(part)}.rels`);
  const found: Array<{ id: string; type: string; target: string }> = [];
  if (!zip.has(rels)) return found;
  await readXml(zip, rels, {
    open(name, attributes) {
      const target = attributes['Target'];
      if (name !== 'Relationship' || !target || attributes['TargetMode'] === 'External') return;
      found.push({
        id: attributes['Id'] ?? '',
        type: attributes['Type'] ?? '',
        target: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target)),
      });
    },
  });
  return found;
}
