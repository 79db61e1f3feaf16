package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagewright.ui.checks.LayoutCheckJob;
import org.pagewright.ui.editor.LayoutMarkers;

/** Markers follow the issues without churn: kept while they hold, one per problem, gone when it is. */
class LayoutMarkersTest {
	private IProject project;
	private IFile file;

	@BeforeEach
	void createFile() throws CoreException {
		project = Workbench.project("markers-test");
		file = Workbench.file(project, "m.layout", "platform p {\n}\n");
		// adding the file schedules its check run, which replaces the check markers: let it finish first
		assertTrue(Workbench.waitUntil(
				() -> Job.getJobManager().find(LayoutCheckJob.FAMILY).length == 0, 60_000), "the check run did not end");
	}

	@AfterEach
	void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	private static Issue issue(int line, String message) {
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setSeverity(Severity.ERROR);
		issue.setLineNumber(line);
		issue.setMessage(message);
		return issue;
	}

	private IMarker[] markers() throws CoreException {
		return file.findMarkers(LayoutMarkers.CHECK_FAILURE, false, IResource.DEPTH_ZERO);
	}

	@Test
	void aMarkerThatStillHoldsIsKeptNotRecreated() throws CoreException {
		LayoutMarkers.replace(file, LayoutMarkers.CHECK_FAILURE, List.of(issue(2, "check failed")));
		long id = markers()[0].getId();

		LayoutMarkers.replace(file, LayoutMarkers.CHECK_FAILURE, List.of(issue(2, "check failed"), issue(1, "other")));

		assertEquals(2, markers().length);
		assertTrue(List.of(markers()).stream().anyMatch(m -> m.getId() == id), "the standing marker was recreated");
	}

	@Test
	void theSameProblemTwiceIsOneMarkerAndAProblemThatWentTakesItsMarker() throws CoreException {
		LayoutMarkers.replace(file, LayoutMarkers.CHECK_FAILURE, List.of(issue(2, "twice"), issue(2, "twice")));
		assertEquals(1, markers().length);

		LayoutMarkers.replace(file, LayoutMarkers.CHECK_FAILURE, List.of());

		assertEquals(0, markers().length);
	}
}
