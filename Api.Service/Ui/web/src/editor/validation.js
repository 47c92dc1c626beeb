import { post } from '../api.js';

/**
 * Asks the Api to validate the YAML and turns each violation into a CodeMirror diagnostic at its line and column.
 * A violation without a line (the whole document) is shown on the first line.
 */
export async function validateFlow(doc) {
  const source = doc.toString();
  if (!source.trim()) return [];
  let results;
  try {
    results = await post('/flows/validate', source);
  } catch (error) {
    return [{ from: 0, to: Math.min(doc.length, doc.line(1).to), severity: 'warning', message: `validation unavailable: ${error.message}`, line: 1 }];
  }
  const diagnostics = [];
  for (const result of Array.isArray(results) ? results : [results]) {
    for (const violation of result.violations || []) {
      const lineNumber = Math.min(Math.max(1, violation.line || 1), doc.lines);
      const line = doc.line(lineNumber);
      const from = Math.min(line.to, line.from + Math.max(0, (violation.column || 1) - 1));
      const to = from < line.to ? line.to : Math.min(doc.length, from + 1);
      const where = violation.path ? `${violation.path}: ` : '';
      diagnostics.push({ from, to: Math.max(to, from), severity: 'error', message: where + violation.message, line: lineNumber });
    }
    if (result.constraints && !(result.violations || []).length) {
      diagnostics.push({ from: 0, to: doc.line(1).to, severity: 'error', message: result.constraints, line: 1 });
    }
  }
  return diagnostics;
}
