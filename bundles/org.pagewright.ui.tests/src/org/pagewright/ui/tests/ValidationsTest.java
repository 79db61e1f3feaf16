package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagewright.ui.LayoutLanguage;
import org.pagewright.ui.checks.LayoutCheckJob;
import org.pagewright.ui.editor.DocumentResources;
import org.pagewright.ui.editor.Validations;

/**
 * The editor and the run on save share one validation of a text, and never reuse one that an import outdated; while
 * typing, the editor's resource takes each change as a partial reparse until a run takes it.
 */
class ValidationsTest {
	private static final String MACHINE = """
			platform p {
			  granule 4K
			  va_bits 48
			  kernel 7.0.1
			  dram bank0 at 0x4000_0000 size 1G
			}
			image k {
			  load phys 0x4020_0000 virt 0xffff800080000000
			  symbol _text = 0xffff800080000000
			  symbol %s = 0xffff800080200000 size 4K
			}
			""";
	private static final String USER = """
			import "machine.layout"
			policy pol on p with k { boot { map_kernel } }
			checks c on pol { read empty_zero_page expect ok }
			""";

	private IProject project;
	private IFile user;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.project("validations-test");
		Workbench.file(project, "machine.layout", MACHINE.formatted("empty_zero_page"));
		user = Workbench.file(project, "user.layout", USER);
		// the run that adding the files starts validates them too: let it finish so that it is not the one remembered
		assertTrue(Workbench.waitUntil(() -> Job.getJobManager().find(LayoutCheckJob.FAMILY).length == 0, 60_000));
	}

	@AfterEach
	void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	private Validations.Validated validate(String text) throws Exception {
		return Validations.of(DocumentResources.uriOf(user), text, CancelIndicator.NullImpl);
	}

	@Test
	void theSameTextIsParsedAndValidatedOnce() throws Exception {
		Validations.Validated first = validate(USER);
		assertTrue(first.issues().isEmpty(), first.issues()::toString);
		assertSame(first, validate(USER));
	}

	@Test
	void anotherTextIsValidatedAgain() throws Exception {
		Validations.Validated first = validate(USER);
		assertNotSame(first, validate(USER + "\n"));
	}

	@Test
	void aChangedImportOutdatesTheValidation() throws Exception {
		Validations.Validated before = validate(USER);
		Workbench.file(project, "machine.layout", MACHINE.formatted("renamed_zero_page"));
		Validations.Validated after = validate(USER);
		assertNotSame(before, after);
		assertTrue(after.issues().stream().anyMatch(i -> i.getMessage().contains("empty_zero_page")),
				after.issues()::toString);
	}

	private Validations.Validated typed(String text) throws Exception {
		return Validations.whileTyping(DocumentResources.uriOf(user), text, CancelIndicator.NullImpl);
	}

	/** What a fresh parse of the whole text reports, as message and line. */
	private List<String> freshIssues(String text) throws Exception {
		var resource = DocumentResources.parse(DocumentResources.uriOf(user), text);
		return summary(LayoutLanguage.injector().getInstance(IResourceValidator.class).validate(resource,
				CheckMode.ALL, CancelIndicator.NullImpl));
	}

	private static List<String> summary(List<Issue> issues) {
		return issues.stream().map(i -> i.getLineNumber() + ": " + i.getMessage()).sorted().toList();
	}

	@Test
	void eachKeystrokeChangesTheEditorsResourceAndValidatesAsAFreshParseWould() throws Exception {
		// the text differs from the saved one that the run after adding the files validated (and holds)
		String typo = USER.replace("read empty_zero_page", "read empty_zero_pag");
		Validations.Validated first = typed(typo);
		assertEquals(freshIssues(typo), summary(first.issues()));
		assertTrue(first.issues().stream().anyMatch(i -> i.getMessage().contains("empty_zero_pag")),
				first.issues()::toString);
		String added = typo.replace("boot { map_kernel }", "boot { map_kernel\n map_mem }");
		Validations.Validated second = typed(added);
		assertSame(first.resource(), second.resource());
		assertEquals(freshIssues(added), summary(second.issues()));
		Validations.Validated fixed = typed(USER);
		assertSame(first.resource(), fixed.resource());
		assertTrue(fixed.issues().isEmpty(), fixed.issues()::toString);
		assertEquals(USER, NodeModelUtils.getNode(fixed.resource().getContents().get(0)).getRootNode().getText());
	}

	@Test
	void aResourceARunTookIsNeverChangedByTyping() throws Exception {
		String edited = USER + "// edited\n";
		Validations.Validated typedOnce = typed(edited);
		Validations.Validated run = validate(edited);
		assertSame(typedOnce, run); // the run shares what the editor validated
		Validations.Validated next = typed(edited + "// more\n");
		assertNotSame(run.resource(), next.resource());
		assertEquals(edited, NodeModelUtils.getNode(run.resource().getContents().get(0)).getRootNode().getText());
		assertSame(next.resource(), typed(edited).resource()); // the editor goes on with its new resource
	}

	@Test
	void aCancelledValidationKeepsTheChangedResourceForTheNextKeystroke() throws Exception {
		String first = USER + "// one\n";
		Validations.Validated typedOnce = typed(first);
		String second = first + "// two\n";
		try {
			Validations.whileTyping(DocumentResources.uriOf(user), second, () -> true); // the user typed on
		} catch (OperationCanceledError expected) {
			// the validator stops where it notices
		}
		String third = second + "map_mem\n";
		Validations.Validated next = typed(third);
		assertSame(typedOnce.resource(), next.resource());
		assertEquals(freshIssues(third), summary(next.issues()));
	}
}
