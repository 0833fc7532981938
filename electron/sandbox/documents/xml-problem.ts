// A parse or validation problem with the position a SAX parser would report.

export interface XmlProblem {
  lineNumber: number;
  columnNumber: number;
  message: string;
}

/** Converts a string offset to a 1-based line and column. */
export function positionAt(
  text: string,
  offset: number,
): { lineNumber: number; columnNumber: number } {
  let lineNumber = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      lineNumber++;
      lineStart = i + 1;
    }
  }
  return { lineNumber, columnNumber: offset - lineStart + 1 };
}

/**
 * Formats a problem as ANAF's upload response does: its own sentence followed by
 * the text of Java's SAXParseException, ending with a space.
 */
export function formatSaxMessage(problem: XmlProblem): string {
  return (
    'Fisierul transmis nu este valid. org.xml.sax.SAXParseException; ' +
    `lineNumber: ${problem.lineNumber}; columnNumber: ${problem.columnNumber}; ` +
    `${problem.message} `
  );
}
