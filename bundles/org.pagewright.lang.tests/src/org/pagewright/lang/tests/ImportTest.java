package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
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
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.layout.Policy;
import org.pagewright.lang.validation.InputIssueCodes;
import org.pagewright.lang.validation.LayoutIssueCodes;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** A platform and image in one file, used by a policy, series and checks in another through `import`. */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class ImportTest {

	private static final String USER = """
			policy pol on p with k { boot { map_mem } }
			series s on pol { patch 1 "a" { after map_mem: set_memory_valid lm_alias[__init_end, __bss_stop) invalid } }
			checks c on s after 1 { read page_address(empty_zero_page) expect ok }
			""";

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	@TempDir
	Path folder;

	/** Import URIs must name files that exist (EcoreUtil2.isValidUri), so both files are written to disk. */
	private XtextResource user(String userText) throws Exception {
		Files.writeString(folder.resolve("platform.layout"), LayoutTexts.PLATFORM + LayoutTexts.IMAGE);
		Files.writeString(folder.resolve("series.layout"), userText);
		XtextResourceSet set = resourceSets.get();
		return (XtextResource) set.getResource(URI.createFileURI(folder.resolve("series.layout").toString()), true);
	}

	private List<Issue> issuesOfUser(String userText) throws Exception {
		return validator.validate(user(userText), CheckMode.ALL, CancelIndicator.NullImpl);
	}

	@Test
	void importedPlatformImageAndSymbolsResolve() throws Exception {
		List<Issue> issues = issuesOfUser("import \"platform.layout\"\n" + USER);
		assertTrue(issues.isEmpty(), issues::toString);
	}

	@Test
	void withoutTheImportTheyAreUnknown() throws Exception {
		List<Issue> issues = issuesOfUser(USER);
		assertTrue(issues.stream().anyMatch(i -> LayoutIssueCodes.UNKNOWN_NAME.equals(i.getCode())), issues::toString);
	}

	@Test
	void thePolicyPointsIntoTheOtherFile() throws Exception {
		XtextResource user = user("import \"platform.layout\"\n" + USER);
		Policy policy = (Policy) ((Model) user.getContents().get(0)).getElements().get(0);
		assertEquals("platform.layout", policy.getImage().eResource().getURI().lastSegment());
	}

	@Test
	void aChainOfImportsIsValidatedToItsEndWithTheDeepestErrorOnItsOwnLine() throws Exception {
		Files.writeString(folder.resolve("policy.layout"), "import \"platform.layout\"\npolicy pol on p with k { boot { map_mem } }\n");
		List<Issue> clean = issuesOfUser("import \"policy.layout\"\nchecks c on pol { wx_clean }\n");
		assertEquals(List.of(), clean, "a file importing a file that imports another validates without an error");

		Files.writeString(folder.resolve("platform.layout"), LayoutTexts.PLATFORM.replace("granule 4K", "granule 5K")
				+ LayoutTexts.IMAGE);
		XtextResourceSet set = resourceSets.get();
		Files.writeString(folder.resolve("series.layout"), "import \"policy.layout\"\nchecks c on pol { wx_clean }\n");
		List<Issue> broken = validator.validate(set.getResource(URI.createFileURI(folder.resolve("series.layout")
				.toString()), true), CheckMode.ALL, CancelIndicator.NullImpl);
		Issue onImport = broken.stream().filter(i -> InputIssueCodes.IMPORTED_FILE_HAS_ERRORS.equals(i.getCode()))
				.findFirst().orElseThrow(() -> new AssertionError(broken));
		assertEquals(1, onImport.getLineNumber());
		assertTrue(onImport.getMessage().contains("platform.layout:2:"), onImport.getMessage());
		assertTrue(broken.stream().noneMatch(i -> i.getMessage().contains("Error executing EValidator")), broken::toString);
	}
}
