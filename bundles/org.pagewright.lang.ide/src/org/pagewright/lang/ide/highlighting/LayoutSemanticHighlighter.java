package org.pagewright.lang.ide.highlighting;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.pagewright.lang.layout.LayoutPackage;

/** Symbols, prot names, flags, patch numbers and step names, located through the node model. */
public class LayoutSemanticHighlighter implements ISemanticHighlightingCalculator {

	private static final LayoutPackage L = LayoutPackage.eINSTANCE;

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor,
			CancelIndicator cancelIndicator) {
		if (resource == null || resource.getContents().isEmpty()) {
			return;
		}
		EcoreUtil.getAllContents(resource, true).forEachRemaining(object -> {
			if (cancelIndicator.isCanceled()) {
				return;
			}
			EObject o = (EObject) object;
			highlight(o, L.getSymbol_Name(), LayoutHighlightingStyles.SYMBOL, acceptor);
			highlight(o, L.getSymbolRef_Symbol(), LayoutHighlightingStyles.SYMBOL, acceptor);
			highlight(o, L.getProt_Tagged(), LayoutHighlightingStyles.PROT, acceptor);
			highlight(o, L.getProt_Base(), LayoutHighlightingStyles.PROT, acceptor);
			highlight(o, L.getPrimitive_Flags(), LayoutHighlightingStyles.FLAG, acceptor);
			highlight(o, L.getFlagsChange_Flags(), LayoutHighlightingStyles.FLAG, acceptor);
			highlight(o, L.getPatch_Number(), LayoutHighlightingStyles.PATCH_NUMBER, acceptor);
			highlight(o, L.getChecks_Patch(), LayoutHighlightingStyles.PATCH_NUMBER, acceptor);
			highlight(o, L.getStep_Name(), LayoutHighlightingStyles.STEP, acceptor);
			highlight(o, L.getInsertStep_Anchor(), LayoutHighlightingStyles.STEP, acceptor);
			highlight(o, L.getReplaceStep_Target(), LayoutHighlightingStyles.STEP, acceptor);
			highlight(o, L.getRemoveStep_Target(), LayoutHighlightingStyles.STEP, acceptor);
			highlight(o, L.getChangeStep_Target(), LayoutHighlightingStyles.STEP, acceptor);
		});
	}

	private static void highlight(EObject object, EStructuralFeature feature, String style,
			IHighlightedPositionAcceptor acceptor) {
		if (!feature.getEContainingClass().isSuperTypeOf(object.eClass())) {
			return;
		}
		for (INode node : NodeModelUtils.findNodesForFeature(object, feature)) {
			acceptor.addPosition(node.getOffset(), node.getLength(), style);
		}
	}
}
