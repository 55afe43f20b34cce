/**
 * Ingest: documents (text, Markdown, HTML, PDF; files, folders, standard
 * input, URLs) to `Doc`s with cleaned prose, an offset map back to the
 * original, paragraphs, sections and table blocks.
 */
export { docFromBytes, describeDoc, type DocOptions } from './doc.ts';
export { docFromPath, docsFromPaths, DEFAULT_MAX_BYTES, type IngestFailure, type PathOptions, type PathsOptions } from './paths.ts';
export { docFromUrl, type UrlOptions } from './url.ts';
export { originalSpanFromClean } from './layout.ts';
export { DOC_EXTENSIONS } from './decode.ts';
export { isoDateFromValue } from './dates.ts';
