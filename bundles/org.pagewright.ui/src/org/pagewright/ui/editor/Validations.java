package org.pagewright.ui.editor;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.ui.LayoutLanguage;

/**
 * The last validation of each layout file's text, shared by the editor's reconciler and the run on save: the text
 * the user paused on is parsed and validated once, whichever of the two comes first. A validation is reused only
 * for the same text while no file it imported has changed since.
 */
public final class Validations {

	/** A file's text parsed (with its imports, in a resource set of its own) and validated. */
	public record Validated(String text, XtextResource resource, List<Issue> issues, Map<IFile, Stamp> imports) {

		public Validated {
			issues = List.copyOf(issues);
			imports = Map.copyOf(imports);
		}

		boolean stillValidFor(String otherText) {
			return text.equals(otherText) && imports.entrySet().stream()
					.allMatch(i -> Stamp.of(i.getKey()).equals(i.getValue()));
		}
	}

	/** When a file last changed: the workspace's stamp and the file system's time (a re-created file restarts the stamp). */
	public record Stamp(long modification, long localTime) {
		static Stamp of(IFile file) {
			return new Stamp(file.getModificationStamp(), file.getLocalTimeStamp());
		}
	}

	private static final Map<URI, Validated> LATEST = new ConcurrentHashMap<>();

	private Validations() {
	}

	/**
	 * The validation of {@code text} as the content of {@code uri}: the remembered one when it still holds, else a
	 * fresh parse and validation, remembered unless it was cancelled.
	 */
	public static Validated of(URI uri, String text, CancelIndicator cancel) throws IOException {
		Validated last = LATEST.get(uri);
		if (last != null && last.stillValidFor(text)) {
			return last;
		}
		XtextResource resource = DocumentResources.parse(uri, text);
		List<Issue> issues = LayoutLanguage.injector().getInstance(IResourceValidator.class)
				.validate(resource, CheckMode.ALL, cancel);
		Optional<Map<IFile, Stamp>> imports = importStamps(resource);
		Validated validated = new Validated(text, resource, issues, imports.orElse(Map.of()));
		if (!cancel.isCanceled() && imports.isPresent()) {
			LATEST.put(uri, validated);
		}
		return validated;
	}

	/**
	 * The modification stamp of every file the resource set loaded besides the file itself; empty when one of them
	 * is not a workspace file, whose changes nothing would notice.
	 */
	private static Optional<Map<IFile, Stamp>> importStamps(XtextResource resource) {
		Map<IFile, Stamp> stamps = new HashMap<>();
		for (Resource loaded : List.copyOf(resource.getResourceSet().getResources())) {
			if (loaded == resource) {
				continue;
			}
			Optional<IFile> file = workspaceFile(loaded.getURI());
			if (file.isEmpty()) {
				return Optional.empty();
			}
			stamps.put(file.get(), Stamp.of(file.get()));
		}
		return Optional.of(stamps);
	}

	private static Optional<IFile> workspaceFile(URI uri) {
		if (!uri.isPlatformResource()) {
			return Optional.empty();
		}
		return Optional.of(ResourcesPlugin.getWorkspace().getRoot().getFile(
				org.eclipse.core.runtime.IPath.fromOSString(uri.toPlatformString(true))));
	}
}
