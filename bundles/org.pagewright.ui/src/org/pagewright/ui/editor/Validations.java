package org.pagewright.ui.editor;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILog;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.ui.LayoutLanguage;

/**
 * The last validation of each layout file's text, shared by the editor's reconciler and the run on save: the text
 * the user paused on is parsed and validated once, whichever of the two comes first. A validation is reused only
 * for the same text while no file it imported has changed since.
 * <p>
 * While the user types, the editor keeps its resource and applies each change to it as Xtext's own editors do
 * ({@link XtextResource#update}: only the edited region is parsed again), until a run takes the resource: from then
 * on that resource stays as the run saw it, and the next keystroke starts a fresh one.
 */
public final class Validations {

	/** A file's text parsed (with its imports, in a resource set of its own) and validated. */
	public static final class Validated {
		private final String text;
		private final XtextResource resource;
		private final List<Issue> issues;
		private final Map<IFile, Stamp> imports;
		private final boolean complete;
		private final AtomicReference<Use> use;

		/**
		 * @param complete false when the validation was cancelled (the resource holds the text, the issues do not)
		 *        or depends on a file outside the workspace
		 */
		private Validated(String text, XtextResource resource, List<Issue> issues, Map<IFile, Stamp> imports,
				boolean complete, Use use) {
			this.text = text;
			this.resource = resource;
			this.issues = List.copyOf(issues);
			this.imports = Map.copyOf(imports);
			this.complete = complete;
			this.use = new AtomicReference<>(use);
		}

		public String text() {
			return text;
		}

		public XtextResource resource() {
			return resource;
		}

		public List<Issue> issues() {
			return issues;
		}

		public Map<IFile, Stamp> imports() {
			return imports;
		}

		boolean stillValidFor(String otherText) {
			return complete && text.equals(otherText) && importsUnchanged();
		}

		boolean importsUnchanged() {
			return imports.entrySet().stream().allMatch(i -> Stamp.of(i.getKey()).equals(i.getValue()));
		}

		/** Takes the resource as it is, for good; false when the editor is changing it right now. */
		boolean share() {
			return use.updateAndGet(u -> u == Use.EDITOR_MAY_CHANGE ? Use.SHARED : u) == Use.SHARED;
		}

		/** Takes the resource to apply the next keystroke to it; false once something else has shared it. */
		boolean claimForEditing() {
			return use.compareAndSet(Use.EDITOR_MAY_CHANGE, Use.EDITOR_CHANGING);
		}
	}

	/** Who may use a validation's resource. */
	private enum Use {
		/** Nobody holds it: the editor may apply the next keystroke to it, or a run may share it. */
		EDITOR_MAY_CHANGE,
		/** The editor is changing it: a run must parse the text itself. */
		EDITOR_CHANGING,
		/** A run or view holds it: it never changes again. */
		SHARED
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
	 * The validation of {@code text} as the content of {@code uri}, with a resource that no keystroke changes any
	 * more (for a run): the remembered one when it still holds, else a fresh parse and validation, remembered unless
	 * it was cancelled.
	 */
	public static Validated of(URI uri, String text, CancelIndicator cancel) throws IOException {
		Validated last = LATEST.get(uri);
		if (last != null && last.stillValidFor(text) && last.share()) {
			return last;
		}
		return remember(uri, validate(DocumentResources.parse(uri, text), text, cancel, Use.SHARED));
	}

	/**
	 * The validation of the editor's {@code text}: the remembered one when it still holds; else the remembered
	 * resource with the change applied (when nothing else holds it and its imports are unchanged) and validated
	 * again; else a fresh parse. A cancelled validation keeps the changed resource for the next keystroke.
	 */
	public static Validated whileTyping(URI uri, String text, CancelIndicator cancel) throws IOException {
		Validated last = LATEST.get(uri);
		if (last != null && last.stillValidFor(text)) {
			return last;
		}
		XtextResource resource = null;
		if (last != null && last.importsUnchanged() && last.claimForEditing()) {
			LATEST.remove(uri, last);
			resource = applyChange(last.resource(), last.text(), text);
		}
		if (resource == null) {
			resource = DocumentResources.parse(uri, text);
		}
		Validated validated;
		try {
			validated = validate(resource, text, cancel, Use.EDITOR_MAY_CHANGE);
		} catch (OperationCanceledError e) {
			keepForTheNextKeystroke(uri, text, resource);
			throw e;
		}
		if (!validated.complete && cancel.isCanceled()) {
			keepForTheNextKeystroke(uri, text, resource);
			return validated;
		}
		return remember(uri, validated);
	}

	/** Remembers a resource whose validation was cancelled: it holds the text, so the next change applies to it. */
	private static void keepForTheNextKeystroke(URI uri, String text, XtextResource resource) {
		importStamps(resource).ifPresent(stamps -> LATEST.put(uri,
				new Validated(text, resource, List.of(), stamps, false, Use.EDITOR_MAY_CHANGE)));
	}

	/**
	 * Replaces the one region where the texts differ (the common start and end stay) as a partial reparse; null if
	 * the parser could not apply it (then the caller parses the whole text).
	 */
	private static XtextResource applyChange(XtextResource resource, String before, String after) {
		int limit = Math.min(before.length(), after.length());
		int start = 0;
		while (start < limit && before.charAt(start) == after.charAt(start)) {
			start++;
		}
		int end = 0;
		while (end < limit - start
				&& before.charAt(before.length() - 1 - end) == after.charAt(after.length() - 1 - end)) {
			end++;
		}
		try {
			resource.update(start, before.length() - end - start, after.substring(start, after.length() - end));
			return resource;
		} catch (RuntimeException e) {
			ILog.of(Validations.class).warn("Partial reparse failed; parsing the whole text", e);
			return null;
		}
	}

	/** Validates; a validation that depends on a file outside the workspace is never changed or remembered. */
	private static Validated validate(XtextResource resource, String text, CancelIndicator cancel, Use use) {
		List<Issue> issues = LayoutLanguage.injector().getInstance(IResourceValidator.class)
				.validate(resource, CheckMode.ALL, cancel);
		Optional<Map<IFile, Stamp>> imports = importStamps(resource);
		boolean complete = !cancel.isCanceled() && imports.isPresent();
		return new Validated(text, resource, issues, imports.orElse(Map.of()), complete,
				imports.isPresent() ? use : Use.SHARED);
	}

	/** Remembers a complete validation (not cancelled, every import a workspace file whose changes are seen). */
	private static Validated remember(URI uri, Validated validated) {
		if (validated.complete) {
			LATEST.put(uri, validated);
		}
		return validated;
	}

	/**
	 * The modification stamp of every file the resource set loaded besides the file itself; empty when one of them
	 * is not a workspace file.
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
