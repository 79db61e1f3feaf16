package org.pagewright.lang.validation;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
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
		return new DiagnosticMessage("No " + what + " named '" + context.getLinkText() + "'", Severity.ERROR, code,
				context.getLinkText());
	}
}
