package org.pagewright.lang.naming;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.pagewright.lang.layout.AppendStep;
import org.pagewright.lang.layout.Checks;
import org.pagewright.lang.layout.Edit;
import org.pagewright.lang.layout.Image;
import org.pagewright.lang.layout.InsertStep;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.layout.Patch;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.layout.Policy;
import org.pagewright.lang.layout.ReplaceStep;
import org.pagewright.lang.layout.Series;
import org.pagewright.lang.layout.Step;
import org.pagewright.lang.layout.Subject;

/**
 * Which image and platform a piece of text is about: symbols are resolved in the image of the enclosing policy, series
 * or checks, and addresses are checked against that policy's platform. Unresolved references yield {@code null}.
 */
public final class LayoutContexts {

	private LayoutContexts() {
	}

	/**
	 * The element of the file (platform, image, policy, series, checks) that holds the context: what the per-element
	 * caches (symbol scope, address evaluator) are keyed by. The context itself when it has no container.
	 */
	public static EObject topLevel(EObject context) {
		EObject element = context;
		while (element.eContainer() != null && !(element.eContainer() instanceof Model)) {
			element = element.eContainer();
		}
		return element;
	}

	public static Image imageOf(EObject context) {
		Image image = EcoreUtil2.getContainerOfType(context, Image.class);
		if (image != null) {
			return image;
		}
		Policy policy = policyOf(context);
		return policy == null || policy.getImage() == null || policy.getImage().eIsProxy() ? null : policy.getImage();
	}

	/** The platform addresses are checked against; for an image, the platform of a policy in the same file using it. */
	public static Platform platformOf(EObject context) {
		Checks checks = EcoreUtil2.getContainerOfType(context, Checks.class);
		if (checks != null && checks.getPlatform() != null && !checks.getPlatform().eIsProxy()) {
			return checks.getPlatform();
		}
		Image image = EcoreUtil2.getContainerOfType(context, Image.class);
		if (image != null) {
			return platformUsing(image);
		}
		Policy policy = policyOf(context);
		return policy == null || policy.getPlatform() == null || policy.getPlatform().eIsProxy() ? null
				: policy.getPlatform();
	}

	public static Policy policyOf(EObject context) {
		Policy policy = EcoreUtil2.getContainerOfType(context, Policy.class);
		if (policy != null) {
			return policy;
		}
		Series series = EcoreUtil2.getContainerOfType(context, Series.class);
		if (series != null) {
			return resolved(series.getPolicy());
		}
		Checks checks = EcoreUtil2.getContainerOfType(context, Checks.class);
		if (checks != null) {
			Subject subject = checks.getSubject();
			if (subject instanceof Policy p) {
				return resolved(p);
			}
			if (subject instanceof Series s && !s.eIsProxy()) {
				return resolved(s.getPolicy());
			}
		}
		return null;
	}

	/**
	 * Steps a patch edit may refer to: the policy's steps, then those inserted by earlier patches and earlier edits of
	 * the same patch, most recent first. Steps removed earlier are included so validation can say so.
	 */
	public static List<Step> stepsVisibleAt(EObject context) {
		Checks checks = EcoreUtil2.getContainerOfType(context, Checks.class);
		if (checks != null) {
			return stepsJudgedBy(checks);
		}
		Series series = EcoreUtil2.getContainerOfType(context, Series.class);
		return series == null ? new ArrayList<>() : SeriesSteps.of(series).visibleAt(context);
	}

	/**
	 * A checks block is judged after its revision: its policy's steps, then those its series' patches up to that
	 * revision insert, most recent first.
	 */
	private static List<Step> stepsJudgedBy(Checks checks) {
		EObject subject = checks.getSubject() == null || checks.getSubject().eIsProxy() ? null : checks.getSubject();
		Series series = subject instanceof Series s ? s : null;
		Policy policy = series != null ? resolved(series.getPolicy()) : subject instanceof Policy p ? p : null;
		Integer upTo = checks.getPatch();
		List<Step> steps = new ArrayList<>();
		if (policy != null) {
			policy.getPhases().forEach(phase -> steps.addAll(phase.getSteps()));
		}
		if (series != null) {
			for (Patch patch : series.getPatches()) {
				if (upTo == null || patch.getNumber() <= upTo) {
					patch.getEdits().stream().map(LayoutContexts::insertedBy).filter(s -> s != null)
							.forEach(steps::add);
				}
			}
		}
		return steps.reversed();
	}

	public static Step insertedBy(Edit edit) {
		if (edit instanceof InsertStep insert) {
			return insert.getStep();
		}
		if (edit instanceof AppendStep append) {
			return append.getStep();
		}
		if (edit instanceof ReplaceStep replace) {
			return replace.getStep();
		}
		return null;
	}

	private static Platform platformUsing(Image image) {
		Resource resource = image.eResource();
		if (resource == null || resource.getContents().isEmpty()) {
			return null;
		}
		Model model = (Model) resource.getContents().get(0);
		List<Platform> platforms = new ArrayList<>();
		for (EObject element : model.getElements()) {
			if (element instanceof Policy policy && policy.getImage() == image && resolved(policy.getPlatform()) != null) {
				return policy.getPlatform();
			}
			if (element instanceof Platform platform) {
				platforms.add(platform);
			}
		}
		return platforms.size() == 1 ? platforms.get(0) : null;
	}

	private static <T extends EObject> T resolved(T object) {
		return object == null || object.eIsProxy() ? null : object;
	}
}
