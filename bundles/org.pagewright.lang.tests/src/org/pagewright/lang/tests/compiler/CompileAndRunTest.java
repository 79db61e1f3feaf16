package org.pagewright.lang.tests.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagewright.config.CreateMapping;
import org.pagewright.config.SetMemoryValid;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.RunResult;
import org.pagewright.lang.compiler.LayoutCompiler;
import org.pagewright.lang.generator.FailedChecksException;
import org.pagewright.lang.generator.LayoutGenerator;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.tests.LayoutInjectorProvider;
import org.pagewright.lang.tests.SampleSeries;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class CompileAndRunTest {

	private static final String LAYOUT = SampleSeries.UNMAP_DATA_ALIAS;

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private LayoutGenerator generator;

	@Test
	void aPatchIsCompiledToItsWholePolicyWithResolvedAddressesAndRuns() throws Exception {
		List<LayoutCompiler.Compilation> compiled = LayoutCompiler.compile(parser.parse(LAYOUT.formatted("fault level 3 translation")));

		assertEquals(1, compiled.size());
		LayoutCompiler.Compilation c = compiled.get(0);
		assertTrue(c.ok(), () -> c.problems().toString());
		var patch = c.configuration().getPatches().get(0);
		CreateMapping map = (CreateMapping) patch.getPhases().get(0).getOperations().get(0);
		SetMemoryValid unmap = (SetMemoryValid) patch.getPhases().get(0).getOperations().get(1);
		assertEquals(0x40000000L, map.getPhys());
		// lm_alias(_text + 8M): PA 0x40a00000, PHYS_OFFSET 0x40000000 -> PAGE_OFFSET + 0xa00000
		assertEquals(0xffff000000a00000L, unmap.getVirt());
		assertEquals(512, unmap.getNumPages());
		assertEquals(1, unmap.getOrigin().getPatch());

		RunResult run = ConfigurationRunner.run(c.configuration());
		assertTrue(run.passed(), () -> run.failedChecks().toString());
		CheckVerdict fault = run.verdicts().get(0);
		assertTrue(fault.reason().contains("level 3 translation fault (FSC 0x07"), fault.reason());
	}

	@Test
	void a52BitKernelOnACpuWithoutLpa2MapsTheLinearMapAt48BitPageOffsetAndWalksFourLevels() throws Exception {
		// the image VA stays KIMAGE_VADDR; only the linear map moves
		String layout = LAYOUT.replace("va_bits 48", "va_bits 52").replace("kernel 6.18", "kernel 6.12");
		InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();

		generator.doGenerate(parser.parse(layout.formatted("fault level 3 translation")).eResource(), fsa,
				new GeneratorContext());

		String ptdump = fsa.getTextFiles().get(IFileSystemAccess.DEFAULT_OUTPUT + "unmap/patch-1.ptdump.txt").toString();
		// memstart_addr lowered by _PAGE_OFFSET(48) - _PAGE_OFFSET(52): __va(0x4000_0000) = 0xffff000000000000;
		// without LPA2 the SH field is back (SHD); the bank has CONT runs (no NO_CONT_MAPPINGS), and 6.12 invalidates
		// by clearing bit 0 only (no present-invalid nG before 7.0.1)
		assertTrue(ptdump.contains("0xffff000000000000-0xffff000000a00000          10M PTE       RW NX SHD AF    CON     UXN"), ptdump);
		assertTrue(ptdump.contains("0xffff000000a00000-0xffff000000c00000           2M PTE F     RW NX SHD AF    CON     UXN"), ptdump);
	}

	@Test
	void theGeneratorWritesConfigurationPtdumpAndReports() throws Exception {
		InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();
		generator.doGenerate(parser.parse(LAYOUT.formatted("fault")).eResource(), fsa, new GeneratorContext());

		String out = IFileSystemAccess.DEFAULT_OUTPUT;
		String ptdump = fsa.getTextFiles().get(out + "unmap/patch-1.ptdump.txt").toString();
		assertTrue(ptdump.contains("0xffff000000a00000-0xffff000000c00000           2M PTE F"), ptdump);
		String baseline = fsa.getTextFiles().get(out + "unmap/baseline.ptdump.txt").toString();
		assertTrue(!baseline.contains(" PTE F"), baseline);
		JsonObject json = JsonParser.parseString(fsa.getTextFiles().get(out + "unmap/report.json").toString()).getAsJsonObject();
		assertTrue(json.get("passed").getAsBoolean());
		assertEquals(1, json.getAsJsonArray("revisions").get(1).getAsJsonObject().get("patch").getAsInt());
		String md = fsa.getTextFiles().get(out + "unmap/report.md").toString();
		assertTrue(md.contains("| `read lm_alias(data_start) expect fault` | runtime | pass |"), md);
		assertTrue(fsa.getTextFiles().get(out + "unmap/unmap.simcfg").toString().contains("virt=\"0xffff000000a00000\""));
	}

	@Test
	void aFailedCheckFailsGenerationWithAnErrorOnTheCheck() throws Exception {
		InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();
		var resource = parser.parse(LAYOUT.formatted("ok")).eResource();

		FailedChecksException e = assertThrows(FailedChecksException.class,
				() -> generator.doGenerate(resource, fsa, new GeneratorContext()));

		assertEquals(1, e.issues().size(), e.failures().toString());
		Issue issue = e.issues().get(0);
		assertEquals(Severity.ERROR, issue.getSeverity());
		assertEquals(25, issue.getLineNumber());
		assertEquals(3, issue.getColumn());
		assertTrue(issue.getMessage().matches("check failed on patch 1 of unmap in runtime: read lm_alias\\(data_start\\) "
				+ "expect ok: .*level 3 translation fault.*"), issue.getMessage());
	}

	@Test
	void anOperationAtWhichTheKernelWouldBugFailsGenerationOnItsStep() throws Exception {
		String layout = LAYOUT.substring(0, LAYOUT.indexOf("policy")) + """
				policy cont on small with img {
				  boot {
				    bank_map: map [0xffff000000000000, +64M) phys 0x4000_0000 pgprot_tagged(PAGE_KERNEL) NO_EXEC_MAPPINGS | NO_BLOCK_MAPPINGS
				    make_ro: update_mapping_prot [0xffff000000000000, +64K) PAGE_KERNEL_RO
				  }
				}
				checks still_clean on cont {
				  wx_clean
				}
				""";
		var resource = parser.parse(layout).eResource();

		FailedChecksException e = assertThrows(FailedChecksException.class,
				() -> generator.doGenerate(resource, new InMemoryFileSystemAccess(), new GeneratorContext()));

		// 6.18: update_mapping_prot rewrites live contiguous PTEs, which pgattr_change_is_safe() refuses
		assertEquals(1, e.issues().size(), e.failures().toString());
		assertEquals(17, e.issues().get(0).getLineNumber());
		assertTrue(e.issues().get(0).getMessage().startsWith("the kernel BUGs on baseline of cont in boot: "
				+ "update_mapping_prot 0x40000000 -> 0xffff000000000000 size 0x10000"), e.issues().get(0).getMessage());
	}
	/** A 64M page-mapped 6.18 machine whose page at PA 0x40a00000 backs a vmalloc area made read-only. */
	private static String vmallocBacked(String cmdline, String kind, String expectation) {
		return LAYOUT.substring(0, LAYOUT.indexOf("policy")).replace("  kernel 6.18\n", "  kernel 6.18\n" + cmdline)
				+ """
				policy jit on small with img {
				  boot {
				    bank_map: map [0xffff000000000000, +64M) phys 0x4000_0000 pgprot_tagged(PAGE_KERNEL) NO_EXEC_MAPPINGS | NO_BLOCK_MAPPINGS
				  }
				  runtime {
				    bpf_ro: %s vmalloc_backed [0xffff000000a00000, +4K)
				  }
				}
				checks alias on jit {
				  write 0xffff000000a00000 expect %s
				  write 0xffff000000a01000 expect ok
				}
				""".formatted(kind, expectation);
	}

	@Test
	void setMemoryRoOnAVmallocAreaMakesTheLinearAliasOfItsPagesReadOnlyUnderRodataFull() throws Exception {
		RunResult full = runOnly(vmallocBacked("", "set_memory_ro", "fault level 3 permission"));
		RunResult off = runOnly(vmallocBacked("  cmdline rodata=off\n", "set_memory_ro", "ok"));
		RunResult exec = runOnly(vmallocBacked("", "set_memory_x", "ok"));

		// pageattr.c change_memory_common: the PTE_RDONLY change reaches the linear alias only with rodata=full
		assertTrue(full.passed(), full.verdicts().toString());
		assertTrue(off.passed(), off.verdicts().toString());
		// and only PTE_RDONLY changes: set_memory_x leaves the alias as it was
		assertTrue(exec.passed(), exec.verdicts().toString());
	}

	private RunResult runOnly(String layout) throws Exception {
		List<LayoutCompiler.Compilation> compiled = LayoutCompiler.compile(parser.parse(layout));
		assertEquals(1, compiled.size());
		assertTrue(compiled.get(0).ok(), () -> compiled.get(0).problems().toString());
		return ConfigurationRunner.run(compiled.get(0).configuration());
	}

	@Test
	void aBugTheStepExpectsDoesNotFailTheRunButItsVerdictIsReported() throws Exception {
		String layout = LAYOUT.substring(0, LAYOUT.indexOf("policy")) + """
				policy cont on small with img {
				  boot {
				    bank_map: map [0xffff000000000000, +64M) phys 0x4000_0000 pgprot_tagged(PAGE_KERNEL) NO_EXEC_MAPPINGS | NO_BLOCK_MAPPINGS
				    make_ro: update_mapping_prot [0xffff000000000000, +64K) PAGE_KERNEL_RO expect %s
				  }
				}
				checks still_clean on cont {
				  wx_clean
				}
				""";
		RunResult expected = ConfigurationRunner.run(LayoutCompiler.compile(parser.parse(layout.formatted("bug")))
				.get(0).configuration());
		RunResult unexpected = ConfigurationRunner.run(LayoutCompiler.compile(parser.parse(layout.formatted("ok")))
				.get(0).configuration());

		assertTrue(expected.passed(), () -> expected.failedChecks().toString());
		assertEquals(List.of("wx_clean", "make_ro: update_mapping_prot expect bug"),
				expected.verdicts().stream().map(CheckVerdict::description).toList());
		assertEquals(1, unexpected.bugs().size());
		CheckVerdict ok = unexpected.failedChecks().get(0);
		assertTrue(ok.reason().endsWith("; expected 0 without a WARN"), ok.reason());
		assertTrue(ok.source().endsWith(":17"), ok.source());
	}
}
