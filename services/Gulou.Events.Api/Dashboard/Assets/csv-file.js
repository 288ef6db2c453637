// An import file as UTF-8 text, whatever Excel saved it as: "CSV UTF-8" (with a byte-order mark), or plain "CSV"
// from a Chinese Excel, which writes GB18030 (GBK). The service reads UTF-8 only, so the page converts the latter.

const encodings = [['utf-8', 'UTF-8'], ['gb18030', 'GB18030 (GBK)']];

/** The file's text and the encoding it was read in, or null when it is neither UTF-8 nor GB18030. */
export async function readCsvFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  for (const [label, name] of encodings) {
    try {
      // A byte-order mark is dropped while decoding; the text sent is plain UTF-8.
      return { content: new TextDecoder(label, { fatal: true }).decode(bytes), encoding: name };
    } catch {
      // not this encoding: try the next
    }
  }
  return null;
}
