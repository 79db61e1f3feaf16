package org.pagewright.lang.ide.codeactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;

/** Code actions: each diagnostic with a fixable layout issue code becomes quick-fix actions of {@link LayoutQuickFixes}. */
public class LayoutCodeActionService implements ICodeActionService2 {

	@Inject
	private LayoutQuickFixes quickFixes;

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		List<Either<Command, CodeAction>> actions = new ArrayList<>();
		Document document = options.getDocument();
		if (!(options.getResource() instanceof XtextResource resource)) {
			return actions;
		}
		for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
			String code = diagnostic.getCode() == null ? null : diagnostic.getCode().getLeft();
			int start = document.getOffSet(diagnostic.getRange().getStart());
			int end = document.getOffSet(diagnostic.getRange().getEnd());
			for (LayoutQuickFixes.Fix fix : quickFixes.fixesFor(resource, code, start, end - start)) {
				List<TextEdit> edits = fix.replacements().stream()
						.map(r -> new TextEdit(new Range(document.getPosition(r.offset()),
								document.getPosition(r.offset() + r.length())), r.text()))
						.toList();
				CodeAction action = new CodeAction(fix.title());
				action.setKind(CodeActionKind.QuickFix);
				action.setDiagnostics(List.of(diagnostic));
				action.setEdit(new WorkspaceEdit(Map.of(options.getURI(), edits)));
				actions.add(Either.forRight(action));
			}
		}
		return actions;
	}
}
