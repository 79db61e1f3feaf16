package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagewright.lang.layout.AccessCheck;
import org.pagewright.lang.layout.AliasRight;
import org.pagewright.lang.layout.AliasRightsCheck;
import org.pagewright.lang.layout.AppendStep;
import org.pagewright.lang.layout.ChangeStep;
import org.pagewright.lang.layout.Checks;
import org.pagewright.lang.layout.ContGroupsCheck;
import org.pagewright.lang.layout.DescriptorBit;
import org.pagewright.lang.layout.Flag;
import org.pagewright.lang.layout.FlagOp;
import org.pagewright.lang.layout.FlagsChange;
import org.pagewright.lang.layout.HibernationCheck;
import org.pagewright.lang.layout.InsertStep;
import org.pagewright.lang.layout.Literal;
import org.pagewright.lang.layout.MapStep;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.layout.NoLeakCheck;
import org.pagewright.lang.layout.Outcome;
import org.pagewright.lang.layout.PageAddress;
import org.pagewright.lang.layout.Phase;
import org.pagewright.lang.layout.Policy;
import org.pagewright.lang.layout.Position;
import org.pagewright.lang.layout.ProtName;
import org.pagewright.lang.layout.PtdumpContentCheck;
import org.pagewright.lang.layout.Range;
import org.pagewright.lang.layout.RangeCheck;
import org.pagewright.lang.layout.Recipe;
import org.pagewright.lang.layout.RecipeKind;
import org.pagewright.lang.layout.RemoveStep;
import org.pagewright.lang.layout.Series;
import org.pagewright.lang.layout.SetValidStep;
import org.pagewright.lang.layout.SplitCheck;
import org.pagewright.lang.layout.SplitResult;
import org.pagewright.lang.layout.TablePagesCheck;
import org.pagewright.lang.layout.Validity;
import org.pagewright.lang.layout.Via;

import com.google.inject.Inject;

/** Policies, patch series and checks parse into the AST the compiler reads. */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class StepsSeriesChecksParsingTest {

	static final String BASE = """
			platform p { granule 4K va_bits 48 kernel 7.0.1 dram bank0 at 0x4000_0000 size 1G }
			image k {
			  load phys 0x4020_0000 virt 0xffff800080000000
			  symbol _text = 0xffff800080000000
			  symbol __init_end = 0xffff800080400000
			  symbol __bss_stop = 0xffff800080600000
			  symbol empty_zero_page = 0xffff800080200000 size 4K
			  symbol _end = 0xffff800080800000
			}
			policy pol on p with k {
			  boot {
			    map_kernel
			    map_mem
			    data_alias: map lm_alias[__init_end, __bss_stop) pgprot_tagged(PAGE_KERNEL) NO_BLOCK_MAPPINGS | NO_EXEC_MAPPINGS
			  }
			  runtime { set_memory_valid lm_alias[__init_end, +2M) invalid }
			}
			""";

	@Inject
	private ParseHelper<Model> parseHelper;

	@Test
	void aPolicyHoldsRecipesAndLabelledPrimitivesByPhase() throws Exception {
		Model model = parseHelper.parse(BASE);
		assertTrue(model.eResource().getErrors().isEmpty(), () -> model.eResource().getErrors().toString());
		Policy policy = (Policy) model.getElements().get(2);
		assertEquals(List.of(Phase.BOOT, Phase.RUNTIME), policy.getPhases().stream().map(p -> p.getPhase()).toList());
		assertEquals(RecipeKind.MAP_MEM, ((Recipe) policy.getPhases().get(0).getSteps().get(1).getAction()).getKind());
		MapStep map = (MapStep) policy.getPhases().get(0).getSteps().get(2).getAction();
		assertEquals("data_alias", policy.getPhases().get(0).getSteps().get(2).getName());
		assertTrue(map.getRange().isLinearAlias());
		assertTrue(map.getProt().isTagged());
		assertEquals(ProtName.PAGE_KERNEL, map.getProt().getBase());
		assertEquals(List.of(Flag.NO_BLOCK_MAPPINGS, Flag.NO_EXEC_MAPPINGS), map.getFlags());
		SetValidStep invalidate = (SetValidStep) policy.getPhases().get(1).getSteps().get(0).getAction();
		assertTrue(invalidate.getRange().isSized());
		assertEquals(Validity.INVALID, invalidate.getValidity());
	}

	@Test
	void aPatchInsertsAppendsChangesAndRemovesSteps() throws Exception {
		Model model = parseHelper.parse(BASE + """
				series s on pol {
				  patch 13/15 "arm64: mm: Unmap kernel data/bss entirely from the linear map" {
				    after map_mem: set_memory_valid lm_alias[__init_end, __bss_stop) invalid
				    on hibernation_prepare: set_memory_valid lm_alias[__init_end, __bss_stop) valid
				    change data_alias: flags &~ NO_BLOCK_MAPPINGS
				    remove map_kernel
				    on runtime: one: set_memory_valid [_text, +4K) invalid expect einval
				  }
				}
				""");
		assertTrue(model.eResource().getErrors().isEmpty(), () -> model.eResource().getErrors().toString());
		Series series = (Series) model.getElements().get(3);
		assertEquals(13, series.getPatches().get(0).getNumber());
		assertEquals(15, series.getPatches().get(0).getTotal());
		var edits = series.getPatches().get(0).getEdits();
		InsertStep insert = (InsertStep) edits.get(0);
		assertEquals(Position.AFTER, insert.getPosition());
		Policy policy = (Policy) model.getElements().get(2);
		assertSame(policy.getPhases().get(0).getSteps().get(1), insert.getAnchor());
		assertEquals(Phase.HIBERNATION_PREPARE, ((AppendStep) edits.get(1)).getPhase());
		FlagsChange change = (FlagsChange) ((ChangeStep) edits.get(2)).getChange();
		assertEquals(FlagOp.REMOVE, change.getOp());
		assertSame(policy.getPhases().get(0).getSteps().get(0), ((RemoveStep) edits.get(3)).getTarget());
		assertEquals("einval", ((AppendStep) edits.get(4)).getStep().getExpected());
		assertNull(insert.getStep().getExpected());
	}

	/** An edit names the last step of that name before it: the policy's, an earlier patch's, an earlier edit's. */
	@Test
	void anEditNamesTheMostRecentStepBeforeItAndNoneAfterIt() throws Exception {
		Model model = parseHelper.parse(BASE + """
				series s on pol {
				  patch 1 "remap" {
				    replace data_alias: data_alias: map lm_alias[__init_end, __bss_stop) PAGE_KERNEL_RO
				    after data_alias: later: set_memory_valid lm_alias[__init_end, __bss_stop) invalid
				  }
				  patch 2 "again" {
				    after later: set_memory_valid lm_alias[__init_end, __bss_stop) valid
				    before not_yet: set_memory_valid lm_alias[__init_end, __bss_stop) valid
				    after map_mem: not_yet: set_memory_valid lm_alias[__init_end, +4K) invalid
				  }
				}
				""");
		Series series = (Series) model.getElements().get(3);
		var first = series.getPatches().get(0).getEdits();
		var second = series.getPatches().get(1).getEdits();
		Policy policy = (Policy) model.getElements().get(2);
		// `replace data_alias` names the policy's step; the next edit already sees the replacement's
		assertSame(policy.getPhases().get(0).getSteps().get(2), ((org.pagewright.lang.layout.ReplaceStep) first.get(0))
				.getTarget());
		assertSame(((org.pagewright.lang.layout.ReplaceStep) first.get(0)).getStep(), ((InsertStep) first.get(1)).getAnchor());
		assertSame(((InsertStep) first.get(1)).getStep(), ((InsertStep) second.get(0)).getAnchor());
		// a step inserted by a later edit is not there yet
		assertTrue(((InsertStep) second.get(1)).getAnchor().eIsProxy());
		assertEquals(1, model.eResource().getErrors().size(), () -> model.eResource().getErrors().toString());
	}

	@Test
	void checksNameAPatchAPhaseAndExpectations() throws Exception {
		Model model = parseHelper.parse(BASE + """
				series s on pol { patch 1 "x" { } }
				checks review on s after 1 in snapshot, restore {
				  read page_address(empty_zero_page) expect ok
				  write lm_alias(__init_end) expect fault level -1 translation
				  set_memory_valid [lm_alias(__init_end), +4K) invalid expect einval
				  hibernation saves [__init_end, __bss_stop)
				  table_pages <= 40
				  ptdump expect ok
				  no_leak [__init_end, __bss_stop) via linear
				  wx_clean
				  leaks [__init_end, __bss_stop)
				}
				""");
		assertTrue(model.eResource().getErrors().isEmpty(), () -> model.eResource().getErrors().toString());
		Checks checks = (Checks) model.getElements().get(4);
		assertEquals(1, checks.getPatch());
		assertEquals(List.of(Phase.SNAPSHOT, Phase.RESTORE), checks.getPhases());
		AccessCheck read = (AccessCheck) checks.getChecks().get(0);
		assertTrue(read.getLocation() instanceof PageAddress);
		assertTrue(!read.getOutcome().isFault());
		AccessCheck write = (AccessCheck) checks.getChecks().get(1);
		assertEquals(-1, write.getOutcome().getLevel());
		assertEquals("translation", write.getOutcome().getKind());
		assertEquals(SplitResult.EINVAL, ((SplitCheck) checks.getChecks().get(2)).getExpected());
		assertTrue(((HibernationCheck) checks.getChecks().get(3)).getLocation() instanceof Range);
		assertEquals(40, ((TablePagesCheck) checks.getChecks().get(4)).getCount());
		NoLeakCheck noLeak = (NoLeakCheck) checks.getChecks().get(6);
		assertEquals(Via.LINEAR, noLeak.getVia());
		assertTrue(!noLeak.isLeaks());
		assertTrue(((NoLeakCheck) checks.getChecks().get(8)).isLeaks());
	}

	@Test
	void checksSayWhatTheTablesLookLike() throws Exception {
		Model model = parseHelper.parse(BASE + """
				series s on pol { patch 1 "x" { } }
				checks unmapped on s after 0 {
				  read lm_alias(__init_end) expect ok at level 2 block pa 0x4060_0000
				  read _text expect ok cont
				  write lm_alias(__init_end) expect mapped as "RW NX MEM/NORMAL-TAGGED"
				  lm_alias[__init_end, __bss_stop) has nG CONT PXNTable tagged
				  [_text, +4K) lacks BLK DBM
				  lm_alias[__init_end, +2M) is block-mapped at level 2
				  lm_alias(__init_end) is present-invalid
				  ptdump contains "0xffff000000400000-0xffff000000600000 2M PMD"
				  ptdump section "Linear Mapping" lines <= 12
				  no_writable_alias [_text, __init_end) via linear
				  no_executable_alias [__init_end, __bss_stop)
				  table_pages +3
				  table_pages <= -1
				  cont_groups_consistent lm_alias[__init_end, __bss_stop)
				}
				""");
		assertTrue(model.eResource().getErrors().isEmpty(), () -> model.eResource().getErrors().toString());
		Checks checks = (Checks) model.getElements().get(4);
		assertEquals("unmapped", checks.getName());
		assertEquals(0, checks.getPatch());
		Outcome landing = ((AccessCheck) checks.getChecks().get(0)).getOutcome();
		assertEquals(2, landing.getLevel());
		assertEquals("block", landing.getShape());
		assertTrue(landing.getPa() instanceof Literal);
		assertEquals("cont", ((AccessCheck) checks.getChecks().get(1)).getOutcome().getShape());
		Outcome mapped = ((AccessCheck) checks.getChecks().get(2)).getOutcome();
		assertTrue(mapped.isMapped());
		assertEquals("RW NX MEM/NORMAL-TAGGED", mapped.getAttributes());
		RangeCheck has = (RangeCheck) checks.getChecks().get(3);
		assertTrue(has.isHas());
		assertEquals(List.of(DescriptorBit.NG, DescriptorBit.CONT, DescriptorBit.PXN_TABLE, DescriptorBit.TAGGED),
				has.getBits());
		assertTrue(!((RangeCheck) checks.getChecks().get(4)).isHas());
		RangeCheck shape = (RangeCheck) checks.getChecks().get(5);
		assertEquals("block-mapped", shape.getShape());
		assertEquals(2, shape.getLevel());
		assertEquals("present-invalid", ((RangeCheck) checks.getChecks().get(6)).getShape());
		assertEquals("0xffff000000400000-0xffff000000600000 2M PMD",
				((PtdumpContentCheck) checks.getChecks().get(7)).getRow());
		PtdumpContentCheck section = (PtdumpContentCheck) checks.getChecks().get(8);
		assertEquals("Linear Mapping", section.getSection());
		assertEquals(12, section.getCount());
		AliasRightsCheck writable = (AliasRightsCheck) checks.getChecks().get(9);
		assertEquals(AliasRight.WRITABLE, writable.getRight());
		assertEquals(Via.LINEAR, writable.getVia());
		assertEquals(AliasRight.EXECUTABLE, ((AliasRightsCheck) checks.getChecks().get(10)).getRight());
		TablePagesCheck delta = (TablePagesCheck) checks.getChecks().get(11);
		assertEquals("+", delta.getSign());
		assertEquals(3, delta.getCount());
		assertEquals("-", ((TablePagesCheck) checks.getChecks().get(12)).getSign());
		assertTrue(((ContGroupsCheck) checks.getChecks().get(13)).getLocation() instanceof Range);
	}

	@Test
	void checksWithoutAfterOrInLeaveThemUnset() throws Exception {
		Model model = parseHelper.parse(BASE + "checks c on pol { wx_clean }");
		Checks checks = (Checks) model.getElements().get(3);
		assertNull(checks.getPatch());
		assertTrue(checks.getPhases().isEmpty());
		assertNull(checks.getPlatform());
	}
}
