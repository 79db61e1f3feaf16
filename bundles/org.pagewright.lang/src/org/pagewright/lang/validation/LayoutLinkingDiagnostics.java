package org.pagewright.lang.validation;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.pagewright.lang.layout.LayoutPackage;

/** Unresolved names carry a layout issue code, so that quick fixes can propose the closest name. */
public class LayoutLinkingDiagnostics extends LinkingDiagnosticMessageProvider {

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		EClass type = context.getReference().getEReferenceType();
		String code = type == LayoutPackage.Literals.SYMBOL ? LayoutIssueCodes.UNKNOWN_SYMBOL
				: type == LayoutPackage.Literals.STEP ? LayoutIssueCodes.UNKNOWN_STEP : LayoutIssueCodes.UNKNOWN_NAME;
		String what = type == LayoutPackage.Literals.SYMBOL ? "symbol in the image"
				: type == LayoutPackage.Literals.STEP ? "step in the policy or an earlier patch"
						: type.getName().toLowerCase();
		String hint = type == LayoutPackage.Literals.SYMBOL && isCalled(context.getContext())
				? CallKeywords.hintFor(context.getLinkText(), CallKeywords.ADDRESS)
				: "";
		return new DiagnosticMessage("No " + what + " named '" + context.getLinkText() + "'" + hint, Severity.ERROR,
				code, context.getLinkText());
	}

	/** A reference followed by '(': a misspelled lm_alias(…) or page_address(…). */
	private static boolean isCalled(EObject reference) {
		INode node = reference == null ? null : NodeModelUtils.findActualNodeFor(reference);
		return node != null && CallKeywords.calledAt(node.getRootNode().getText(), node.getEndOffset());
	}
}
