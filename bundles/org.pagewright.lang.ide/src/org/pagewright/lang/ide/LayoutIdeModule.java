package org.pagewright.lang.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.pagewright.lang.ide.codeactions.LayoutCodeActionService;
import org.pagewright.lang.ide.contentassist.LayoutIdeContentProposalProvider;
import org.pagewright.lang.ide.highlighting.LayoutSemanticHighlighter;
import org.pagewright.lang.ide.hover.LayoutHoverService;

/** The layout language's editor services, for the workbench (in-process) and the language server alike. */
public class LayoutIdeModule extends AbstractLayoutIdeModule {

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return LayoutIdeContentProposalProvider.class;
	}

	public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
		return LayoutSemanticHighlighter.class;
	}

	public Class<? extends IHoverService> bindIHoverService() {
		return LayoutHoverService.class;
	}

	public Class<? extends ICodeActionService2> bindICodeActionService2() {
		return LayoutCodeActionService.class;
	}
}
