// The YAML source editor: CodeMirror 6 with YAML highlighting, completion
// and hover from the zod schema (shared/studio/schema-help.ts), and the live
// check's errors underlined where they are. The parent owns the text; this
// component reports every change and can be told to jump to a line.
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { EditorView, hoverTooltip } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { parseDocument } from 'yaml';
import { formatPath } from '../../../shared/scenario/index.ts';
import {
  cursorContext,
  describeAt,
  keySuggestions,
  valueSuggestions,
} from '../../../shared/studio/schema-help.ts';
import type { ShownIssue } from './validation.ts';

export interface SourceEditorHandle {
  goTo(line: number, column: number): void;
}

interface Props {
  text: string;
  readOnly: boolean;
  issues: ShownIssue[];
  onChange(text: string): void;
  label: string;
}

function dataOf(text: string): unknown {
  try {
    return parseDocument(text).toJS();
  } catch {
    return undefined;
  }
}

function complete(context: CompletionContext): CompletionResult | null {
  const text = context.state.doc.toString();
  const where = cursorContext(text, context.pos);
  if (!where) return null;
  const word = context.matchBefore(/[A-Za-z0-9_-]*/);
  if (!context.explicit && word && word.from === word.to && where.atKey) return null;
  const data = dataOf(text);
  let options = where.atKey ? keySuggestions(data, where.path) : [];
  if (options.length === 0) options = valueSuggestions(data, where.path);
  if (options.length === 0) return null;
  return {
    from: where.from,
    options: options.map((o) => ({
      label: o.label,
      type: where.atKey ? 'property' : 'constant',
      ...(o.detail && { info: o.detail }),
      ...(where.atKey && { apply: `${o.label}: ` }),
    })),
    validFor: /^[A-Za-z0-9_-]*$/,
  };
}

/** Over a key: where it is and what the schema says of it. */
const hover = hoverTooltip((view, pos) => {
  const text = view.state.doc.toString();
  const line = view.state.doc.lineAt(pos);
  const match = /^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_-]*)\s*:/.exec(line.text);
  if (!match?.[2]) return null;
  const start = line.from + (match[1]?.length ?? 0);
  const end = start + match[2].length;
  if (pos < start || pos > end) return null;
  const where = cursorContext(text, end);
  if (!where) return null;
  const path = [...where.path, match[2]];
  const description = describeAt(dataOf(text), path);
  return {
    pos: start,
    end,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'studio-hover';
      const strong = document.createElement('strong');
      strong.textContent = formatPath(path);
      dom.append(strong);
      if (description) dom.append(document.createElement('br'), description);
      return { dom };
    },
  };
});

function toDiagnostics(doc: Text, issues: ShownIssue[]): Diagnostic[] {
  return issues.map((issue) => {
    const line = doc.line(Math.min(Math.max(issue.line, 1), doc.lines));
    const from = Math.min(line.from + issue.column - 1, line.to);
    const word = /^[^\s,\]}]*/.exec(doc.sliceString(from, line.to))?.[0].length ?? 0;
    return {
      from,
      to: Math.min(from + Math.max(1, word), line.to),
      severity: 'error',
      message: issue.message,
    };
  });
}

/** The style nonce the server put in the app shell (server/http/client-files.ts); empty in development. */
function pageStyleNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="style-nonce"]')?.content ?? '';
}

export const SourceEditor = forwardRef<SourceEditorHandle, Props>(function SourceEditor(
  { text, readOnly, issues, onChange, label },
  ref,
) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // The editor is made once per text source (the parent changes `key` for a new one); later text arrives by typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: made once, see above
  useEffect(() => {
    if (!host.current) return;
    view.current = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text,
        extensions: [
          basicSetup,
          // The page's Content-Security-Policy allows a <style> element only with its nonce.
          EditorView.cspNonce.of(pageStyleNonce()),
          yaml(),
          autocompletion({ override: [complete] }),
          hover,
          lintGutter(),
          EditorState.readOnly.of(readOnly),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    return () => view.current?.destroy();
  }, []);

  // The check runs outside (the same loader as the CLI): its errors become the editor's underlines.
  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, toDiagnostics(v.state.doc, issues)));
  }, [issues]);

  useImperativeHandle(ref, () => ({
    goTo(line, column) {
      const v = view.current;
      if (!v) return;
      const at = v.state.doc.line(Math.min(Math.max(line, 1), v.state.doc.lines));
      const pos = Math.min(at.from + column - 1, at.to);
      v.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
      v.focus();
    },
  }));

  return <div className="studio-editor" ref={host} />;
});
