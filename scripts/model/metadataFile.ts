/**
 * Reads one SFDX source file (`*-meta.xml`) into a plain object. The reader lives in the Apex
 * runtime (apex-runtime/src/metadata/metadataXml.ts), the one home of metadata reading; the
 * project's checks import it from here.
 */
export {
  children,
  flag,
  isNil,
  parseMetadata,
  readMetadataFile,
  text,
  texts,
  type MetadataElement
} from '../../apex-runtime/src/metadata/metadataXml';
