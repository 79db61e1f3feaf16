package org.pagewright.ui.outline;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.pagewright.lang.layout.Checks;
import org.pagewright.lang.layout.Image;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.layout.Patch;
import org.pagewright.lang.layout.PhaseSteps;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.layout.Policy;
import org.pagewright.lang.layout.Series;

/** The outline of a layout file: its platforms, images, policies with their phases, series with their patches, checks. */
public final class LayoutOutline {

	/** One line of the outline and where it starts in the text. */
	public record Node(String label, int offset, List<Node> children) {
	}

	private LayoutOutline() {
	}

	public static List<Node> of(XtextResource resource) {
		List<Node> nodes = new ArrayList<>();
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
			return nodes;
		}
		for (EObject element : model.getElements()) {
			Node node = node(element);
			if (node != null) {
				nodes.add(node);
			}
		}
		return nodes;
	}

	private static Node node(EObject element) {
		return switch (element) {
		case Platform p -> leaf(element, "platform " + p.getName());
		case Image i -> leaf(element, "image " + i.getName() + " (" + i.getSymbols().size() + " symbols)");
		case Policy p -> new Node("policy " + p.getName() + " on " + nameOf(p.getPlatform()) + " with "
				+ nameOf(p.getImage()), offset(element), p.getPhases().stream().map(LayoutOutline::phase).toList());
		case Series s -> new Node("series " + s.getName() + " on " + nameOf(s.getPolicy()), offset(element),
				s.getPatches().stream().map(LayoutOutline::patch).toList());
		case Checks c -> leaf(element, "checks " + c.getName() + " on " + nameOf(c.getSubject())
				+ (c.getPatch() == null ? "" : " after " + c.getPatch()) + " (" + c.getChecks().size() + ")");
		default -> null;
		};
	}

	private static Node phase(PhaseSteps phase) {
		int steps = phase.getSteps().size();
		return leaf(phase, phase.getPhase().getLiteral() + " (" + steps + (steps == 1 ? " step)" : " steps)"));
	}

	private static Node patch(Patch patch) {
		String number = patch.getTotal() == 0 ? "" + patch.getNumber()
				: patch.getNumber() + "/" + patch.getTotal();
		return leaf(patch, "patch " + number + " \"" + patch.getTitle() + "\"");
	}

	private static Node leaf(EObject element, String label) {
		return new Node(label, offset(element), List.of());
	}

	/** A cross-reference's name as written, resolved or not. */
	private static String nameOf(EObject reference) {
		if (reference == null) {
			return "?";
		}
		var name = reference.eClass().getEStructuralFeature("name");
		Object value = name == null || reference.eIsProxy() ? null : reference.eGet(name);
		return value == null ? "?" : value.toString();
	}

	private static int offset(EObject element) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		return node == null ? 0 : node.getOffset();
	}
}
