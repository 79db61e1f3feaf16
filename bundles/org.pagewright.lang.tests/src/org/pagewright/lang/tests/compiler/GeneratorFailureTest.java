package org.pagewright.lang.tests.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.pagewright.lang.generator.FailedChecksException;
import org.pagewright.lang.generator.LayoutChecks;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.generator.LayoutGenerator;
import org.pagewright.lang.tests.LayoutInjectorProvider;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * A valid layout file on disk, importing its platform, whose checks fail: generation ends with one located error
 * per failed check, in the form the Maven build prints ({@code ERROR:<message> (file:<path> line : N column : M)}),
 * after the outputs were written.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class GeneratorFailureTest {
	private static final String FOLDER = "resources/failing-checks/";

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	@Inject
	private LayoutGenerator generator;

	@TempDir
	Path dir;

	@Test
	void failedChecksEndGenerationWithAnErrorOnEachCheckAsWritten() throws Exception {
		Resource resource = load("small-machine.layout", "wrong-expectations.layout");
		List<Issue> validation = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
		assertTrue(validation.stream().noneMatch(i -> i.getSeverity() == Severity.ERROR), validation::toString);
		InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();

		FailedChecksException e = assertThrows(FailedChecksException.class,
				() -> generator.doGenerate(resource, fsa, new GeneratorContext()));

		String file = dir.resolve("wrong-expectations.layout").toUri().toString().replace("file:///", "file:/");
		assertEquals(List.of(
				"ERROR:check failed on patch 1 of unmap in runtime: read lm_alias(data_start) expect ok: read "
						+ "0xffff000000a00000: level 3 translation fault (FSC 0x07, ESR 0x96000007): invalid entry "
						+ "(bit 0 clear) (" + file + " line : 19 column : 3)",
				"ERROR:check failed on patch 1 of unmap in runtime: set_memory_valid lm_alias[data_start, data_end) "
						+ "valid expect split: 0, no block split; expected split (" + file + " line : 21 column : 3)"),
				e.failures());
		assertTrue(e.getMessage().startsWith("2 failure(s) in wrong-expectations.layout:\nERROR:check failed"),
				e.getMessage());
		assertTrue(fsa.getTextFiles().containsKey(IFileSystemAccess.DEFAULT_OUTPUT + "unmap/report.md"),
				"the reports of a failing series are still written");
	}

	@Test
	void everyVerdictPassedOrFailedIsLocatedOnItsCheck() throws Exception {
		Resource resource = load("small-machine.layout", "wrong-expectations.layout");
		Model model = (Model) resource.getContents().get(0);

		List<LayoutChecks.LocatedVerdict> verdicts = LayoutChecks.verdicts(model, LayoutChecks.run(model));

		assertEquals(List.of("unmap 17:3 true wx_clean", "unmap 19:3 false read lm_alias(data_start) expect ok",
				"unmap 21:3 false set_memory_valid lm_alias[data_start, data_end) valid expect split"),
				verdicts.stream().map(v -> v.subject() + " " + v.line() + ":" + v.column() + " " + v.verdict().passed()
						+ " " + v.verdict().description()).toList());
	}

	@Test
	void aBugInAnImportedPolicyIsReportedOnThatFilesStepLine() throws Exception {
		Resource resource = load("small-machine.layout", "buggy-policy.layout", "uses-buggy-policy.layout");
		Model model = (Model) resource.getContents().get(0);

		List<Issue> failures = LayoutChecks.run(model).stream().flatMap(r -> r.problems().stream()).toList();

		Issue bug = failures.stream().filter(i -> i.getMessage().contains("BUG")).findFirst()
				.orElseThrow(() -> new AssertionError(failures));
		assertEquals(2, bug.getLineNumber(), "on the import line of the file being checked");
		assertTrue(bug.getMessage().startsWith(dir.resolve("buggy-policy.layout") + ":10:5: "), bug.getMessage());
	}

	/** Copies the files to a folder on disk and loads the last one, as the Maven build does. */
	private Resource load(String... names) throws IOException {
		for (String name : names) {
			try (InputStream in = FrameworkUtil.getBundle(getClass()).getEntry(FOLDER + name).openStream()) {
				Files.copy(in, dir.resolve(name));
			}
		}
		XtextResourceSet set = resourceSets.get();
		return set.getResource(URI.createFileURI(dir.resolve(names[names.length - 1]).toString()), true);
	}
}
