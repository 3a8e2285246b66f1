/**
 * Parsers read text from other processes, in languages we have never seen; a parse failure must
 * degrade to "nothing recognised", never to an exception that takes down a whole state read.
 */
export const neverThrow =
  <T>(parse: (text: string) => T, fallback: () => T) =>
  (text: string): T => {
    if (typeof text !== 'string') return fallback();
    try {
      return parse(text);
    } catch {
      return fallback();
    }
  };
