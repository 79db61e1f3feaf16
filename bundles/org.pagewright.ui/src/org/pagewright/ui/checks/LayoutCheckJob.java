package org.pagewright.ui.checks;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.lang.generator.LayoutChecks;
import org.pagewright.lang.layout.Model;
import org.pagewright.ui.editor.DocumentResources;
import org.pagewright.ui.editor.LayoutMarkers;
import org.pagewright.ui.editor.Validations;

/**
 * Compiles and runs the series of one layout file, marks the checks that fail on their own lines, and publishes
 * the run ({@link LayoutRuns}) for the Page Tables view. A file with validation errors is not run: its problems
 * are already marked, and its checks would say nothing. The text is the saved file's, or an editor's unsaved text
 * when the Run command asks for it.
 */
public class LayoutCheckJob extends Job {

	/** Job family of every check run, for callers that wait for them. */
	public static final Object FAMILY = LayoutCheckJob.class;

	private final IFile file;
	private final String unsavedText;

	/** Runs the file as saved. */
	public LayoutCheckJob(IFile file) {
		this(file, null);
	}

	/** Runs the text of an editor on the file (null: the saved file). */
	public LayoutCheckJob(IFile file, String unsavedText) {
		super("Running the checks of " + file.getName());
		this.file = file;
		this.unsavedText = unsavedText;
		setRule(file);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		if (!file.exists()) {
			return Status.OK_STATUS;
		}
		long start = System.nanoTime();
		try {
			return runChecks(monitor, start);
		} catch (OperationCanceledError e) {
			return Status.CANCEL_STATUS;
		} catch (IOException | RuntimeException e) {
			// an engine or compiler failure on accepted input: a message in the view, logged once, never a dialog
			ILog.of(getClass()).warn("Running " + file.getFullPath() + " failed", e);
			String message = "the run failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
			LayoutMarkers.replace(file, LayoutMarkers.CHECK_FAILURE, List.of(failure(message)));
			LayoutRuns.publish(new LayoutRuns.FileRun(file, List.of(), List.of(message), millisSince(start)));
			return Status.OK_STATUS;
		}
	}

	private IStatus runChecks(IProgressMonitor monitor, long start) throws IOException {
		monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
		CancelIndicator cancel = monitor::isCanceled;
		Validations.Validated validated = Validations.of(DocumentResources.uriOf(file), text(), cancel);
		Resource resource = validated.resource();
		List<Issue> validation = validated.issues();
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		List<String> errors = validation.stream().filter(i -> i.getSeverity() == Severity.ERROR)
				.map(i -> "line " + i.getLineNumber() + ": " + i.getMessage()).toList();
		boolean model = resource.getContents().size() == 1 && resource.getContents().get(0) instanceof Model;
		List<LayoutChecks.Run> runs = model && errors.isEmpty() ? LayoutChecks.run((Model) resource.getContents().get(0))
				: List.of();
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		LayoutMarkers.replace(file, LayoutMarkers.CHECK_FAILURE, inThisFile(LayoutChecks.failures(runs), resource.getURI()));
		LayoutRuns.publish(new LayoutRuns.FileRun(file, runs, errors, millisSince(start)));
		return Status.OK_STATUS;
	}

	/** The text to run: the editor's, or the saved file's (which the editor has usually validated already). */
	private String text() throws IOException {
		if (unsavedText != null) {
			return unsavedText;
		}
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), file.getCharset());
		} catch (CoreException e) {
			throw new IOException(file.getFullPath() + " cannot be read: " + e.getMessage(), e);
		}
	}

	private static Issue failure(String message) {
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setSeverity(Severity.ERROR);
		issue.setMessage(message);
		issue.setLineNumber(1);
		return issue;
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static List<Issue> inThisFile(List<Issue> issues, URI uri) {
		return issues.stream().filter(i -> i.getUriToProblem() == null || uri.equals(i.getUriToProblem().trimFragment()))
				.toList();
	}
}
