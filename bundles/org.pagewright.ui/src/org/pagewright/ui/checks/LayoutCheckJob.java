package org.pagewright.ui.checks;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.lang.generator.LayoutChecks;
import org.pagewright.lang.layout.Model;
import org.pagewright.ui.LayoutLanguage;
import org.pagewright.ui.editor.LayoutMarkers;

/**
 * Compiles and runs the series of one saved layout file and marks the checks that fail, on their own lines. A file
 * with validation errors is not run: its problems are already marked, and its checks would say nothing.
 */
public class LayoutCheckJob extends Job {

	/** Job family of every check run, for callers that wait for them. */
	public static final Object FAMILY = LayoutCheckJob.class;

	private final IFile file;

	public LayoutCheckJob(IFile file) {
		super("Running the checks of " + file.getName());
		this.file = file;
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
		try {
			return runChecks(monitor);
		} catch (OperationCanceledError e) {
			return Status.CANCEL_STATUS;
		}
	}

	private IStatus runChecks(IProgressMonitor monitor) {
		XtextResourceSet resourceSet = LayoutLanguage.injector().getInstance(XtextResourceSet.class);
		Resource resource = resourceSet.getResource(URI.createPlatformResourceURI(file.getFullPath().toString(), true), true);
		CancelIndicator cancel = monitor::isCanceled;
		List<Issue> validation = LayoutLanguage.injector().getInstance(IResourceValidator.class)
				.validate(resource, CheckMode.ALL, cancel);
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		boolean runnable = resource.getContents().size() == 1 && resource.getContents().get(0) instanceof Model
				&& validation.stream().noneMatch(i -> i.getSeverity() == Severity.ERROR);
		List<Issue> failures = runnable ? LayoutChecks.failures(LayoutChecks.run((Model) resource.getContents().get(0)))
				: List.of();
		LayoutMarkers.replace(file, LayoutMarkers.CHECK_FAILURE, inThisFile(failures, resource.getURI()));
		return Status.OK_STATUS;
	}

	private static List<Issue> inThisFile(List<Issue> issues, URI uri) {
		return issues.stream().filter(i -> i.getUriToProblem() == null || uri.equals(i.getUriToProblem().trimFragment()))
				.toList();
	}
}
