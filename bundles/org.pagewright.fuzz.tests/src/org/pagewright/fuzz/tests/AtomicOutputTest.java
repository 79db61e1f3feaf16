package org.pagewright.fuzz.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.JavaIoFileSystemAccess;
import org.eclipse.xtext.generator.OutputConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagewright.lang.LayoutStandaloneSetup;
import org.pagewright.lang.generator.AtomicFileSystemAccess;

/** The generator's outputs are replaced whole: a write that fails midway leaves the previous file as it was. */
class AtomicOutputTest {
	@TempDir
	Path out;

	private JavaIoFileSystemAccess fsa() {
		JavaIoFileSystemAccess fsa = new LayoutStandaloneSetup().createInjectorAndDoEMFRegistration()
				.getInstance(JavaIoFileSystemAccess.class);
		OutputConfiguration config = new OutputConfiguration(IFileSystemAccess.DEFAULT_OUTPUT);
		config.setOutputDirectory(out.toString());
		fsa.getOutputConfigurations().put(IFileSystemAccess.DEFAULT_OUTPUT, config);
		fsa.setOutputPath(out.toString());
		return fsa;
	}

	@Test
	void theLanguageWritesThroughTheAtomicFileSystemAccess() {
		assertTrue(fsa() instanceof AtomicFileSystemAccess);
	}

	@Test
	void aRunKilledMidwayLeavesThePreviousReportWhole() throws IOException {
		JavaIoFileSystemAccess fsa = fsa();
		fsa.generateFile("s/report.md", "# previous report\n");
		CharSequence dying = new CharSequence() { // a generator that dies while the text is being written out
			@Override
			public int length() {
				return 1 << 20;
			}

			@Override
			public char charAt(int index) {
				if (index > 1000) {
					throw new IllegalStateException("killed");
				}
				return 'x';
			}

			@Override
			public CharSequence subSequence(int start, int end) {
				throw new IllegalStateException("killed");
			}

			@Override
			public String toString() {
				throw new IllegalStateException("killed");
			}
		};
		assertThrows(RuntimeException.class, () -> fsa.generateFile("s/report.md", dying));
		assertEquals("# previous report\n", Files.readString(out.resolve("s/report.md"), StandardCharsets.UTF_8));
		try (Stream<Path> files = Files.list(out.resolve("s"))) {
			assertEquals(1, files.count(), "no temporary file is left behind");
		}
		fsa.generateFile("s/report.md", "# new report\n");
		assertEquals("# new report\n", Files.readString(out.resolve("s/report.md"), StandardCharsets.UTF_8));
	}
}
