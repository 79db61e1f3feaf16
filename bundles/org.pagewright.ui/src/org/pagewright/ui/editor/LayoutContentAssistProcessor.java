package org.pagewright.ui.editor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContentAssistProcessorExtension;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;
import org.pagewright.ui.LayoutLanguage;

import com.google.inject.Injector;

/**
 * Ctrl+Space in the layout editor: Xtext's IDE content assist (the same services the language server uses) run
 * in-process on the editor's text, turned into JFace proposals.
 */
public class LayoutContentAssistProcessor implements IContentAssistProcessor, IContentAssistProcessorExtension {

	/**
	 * The only character after which a proposal is certain to be wanted: '(' of lm_alias( / page_address( asks for
	 * a symbol. Letters, '{' or a size must not open the popup, or Enter at the end of a line accepts a proposal.
	 */
	private static final char[] AUTO_ACTIVATION = { '(' };

	/** Xtext proposes an assignment to a terminal as "feature - TERMINAL" (e.g. "name - ID"): nothing to insert. */
	private static final java.util.Set<String> TERMINAL_PLACEHOLDERS = java.util.Set.of("ID", "STRING", "INT", "HEX",
			"SIZED");

	private String errorMessage;

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		errorMessage = null;
		IDocument document = viewer.getDocument();
		String text = document.get();
		try {
			List<ICompletionProposal> proposals = new ArrayList<>();
			List<ICompletionProposal> templates = new ArrayList<>();
			for (ContentAssistEntry entry : entries(document, text, offset)) {
				if (worthProposing(entry)) {
					proposals.add(toProposal(entry, offset));
				}
				String skeleton = entry.getProposal() == null ? null
						: org.pagewright.ui.wizards.LayoutTemplates.SKELETONS.get(entry.getProposal());
				if (skeleton != null && ContentAssistEntry.KIND_KEYWORD.equals(entry.getKind())) {
					String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
					templates.add(new CompletionProposal(skeleton, offset - prefix.length(), prefix.length(),
							skeleton.indexOf("name") >= 0 ? skeleton.indexOf("name") : skeleton.length(), null,
							entry.getProposal() + " … { } - template", null, "<pre>" + skeleton + "</pre>"));
				}
			}
			proposals.addAll(templates);
			return proposals.toArray(ICompletionProposal[]::new);
		} catch (IOException | RuntimeException e) {
			// A half-typed document must never break the editor: report it in the popup and the log.
			errorMessage = "Content assist failed: " + e.getMessage();
			ILog.of(getClass()).error(errorMessage, e);
			return new ICompletionProposal[0];
		}
	}

	static Iterable<ContentAssistEntry> entries(IDocument document, String text, int offset) throws IOException {
		Injector injector = LayoutLanguage.injector();
		XtextResource resource = DocumentResources.parse(document, text);
		ContentAssistContextFactory contextFactory = injector.getInstance(ContentAssistContextFactory.class);
		contextFactory.setPool(injector.getInstance(ExecutorService.class));
		ContentAssistContext[] contexts = contextFactory.create(text, new TextRegion(offset, 0), offset, resource);
		IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
		injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
		return acceptor.getEntries();
	}

	/**
	 * Punctuation ('{', '+', '-', ')') is typed faster than chosen, and a terminal rule's placeholder ("name -
	 * ID") is no proposal at all.
	 */
	static boolean worthProposing(ContentAssistEntry entry) {
		String proposal = entry.getProposal();
		boolean word = proposal != null && proposal.chars().anyMatch(Character::isLetterOrDigit);
		return word && (entry.getDescription() == null || !TERMINAL_PLACEHOLDERS.contains(entry.getDescription()));
	}

	private static ICompletionProposal toProposal(ContentAssistEntry entry, int offset) {
		String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
		String proposal = entry.getProposal();
		String label = entry.getLabel() != null ? entry.getLabel() : proposal;
		String display = entry.getDescription() != null ? label + " - " + entry.getDescription() : label;
		return new CompletionProposal(proposal, offset - prefix.length(), prefix.length(), proposal.length(), null,
				display, null, entry.getDocumentation());
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return AUTO_ACTIVATION;
	}

	@Override
	public boolean isCompletionProposalAutoActivation(char c, ITextViewer viewer, int offset) {
		return c == AUTO_ACTIVATION[0];
	}

	@Override
	public boolean isContextInformationAutoActivation(char c, ITextViewer viewer, int offset) {
		return false;
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return errorMessage;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
