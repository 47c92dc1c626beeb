import { useEffect, useRef } from 'preact/hooks';
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter } from '@codemirror/lint';
import { validateFlow } from './validation.js';

/**
 * The flow editor: CodeMirror 6 with YAML highlighting, and the Api's validation shown at its lines as you type
 * (debounced: one POST /flows/validate per pause in typing). `onProblems` receives the same violations for the list
 * under the editor. `goto` is set to a function that moves the cursor to a line.
 */
export function YamlEditor({ value, onChange, onProblems, goto, readOnly = false }) {
  const host = useRef(null);
  const view = useRef(null);
  const callbacks = useRef({});
  callbacks.current = { onChange, onProblems };

  useEffect(() => {
    const extensions = [
      lineNumbers(), highlightActiveLineGutter(), foldGutter(), history(), drawSelection(), indentOnInput(),
      bracketMatching(), highlightActiveLine(), highlightSelectionMatches(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }), yaml(),
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
      EditorState.tabSize.of(2),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) callbacks.current.onChange?.(update.state.doc.toString());
      }),
      EditorState.readOnly.of(readOnly),
    ];
    if (!readOnly) {
      extensions.push(lintGutter(), linter(async (v) => {
        const doc = v.state.doc;
        const diagnostics = await validateFlow(doc);
        // An answer for a text that has changed since is dropped, as CodeMirror drops it: a newer one is on its way.
        if (view.current?.state.doc === doc) callbacks.current.onProblems?.(diagnostics);
        return diagnostics;
      }, { delay: 350 }));
    }
    view.current = new EditorView({ parent: host.current, state: EditorState.create({ doc: value, extensions }) });
    if (goto) {
      goto.current = (line) => {
        const v = view.current;
        const target = v.state.doc.line(Math.min(Math.max(1, line), v.state.doc.lines));
        v.dispatch({ selection: { anchor: target.from }, scrollIntoView: true });
        v.focus();
      };
    }
    return () => view.current.destroy();
  }, [readOnly]);

  // A value given from outside (a revision loaded, a reset) replaces the document.
  useEffect(() => {
    const v = view.current;
    if (v && value !== v.state.doc.toString()) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div class="yaml-editor" ref={host} data-testid="yaml-editor" />;
}
