// The editor the page mounts: CodeMirror 6 with Python, exposed as one global so the
// page's own scripts need no bundler. Built by scripts/build_web_assets.sh.
import { EditorView, basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";

window.JudgeEditor = {
  // `nonce`: the page's CSP nonce for styles; CodeMirror puts its theme in a <style> element.
  mount(parent, doc, onChange, nonce) {
    return new EditorView({
      parent,
      state: EditorState.create({
        doc,
        extensions: [
          basicSetup,
          EditorView.cspNonce.of(nonce || ""),
          keymap.of([indentWithTab]),
          python(),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
  },
  text(view) {
    return view.state.doc.toString();
  },
  replace(view, text) {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  },
};
