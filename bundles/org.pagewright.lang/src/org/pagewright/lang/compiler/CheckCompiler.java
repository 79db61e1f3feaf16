package org.pagewright.lang.compiler;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.pagewright.config.AccessKind;
import org.pagewright.config.AliasRight;
import org.pagewright.config.AliasVia;
import org.pagewright.config.Comparison;
import org.pagewright.config.ConfigFactory;
import org.pagewright.config.DescriptorBit;
import org.pagewright.config.FaultKind;
import org.pagewright.config.LeafShape;
import org.pagewright.config.MappingShape;
import org.pagewright.config.SplitExpectation;
import org.pagewright.lang.layout.AccessCheck;
import org.pagewright.lang.layout.AliasRightsCheck;
import org.pagewright.lang.layout.Check;
import org.pagewright.lang.layout.Checks;
import org.pagewright.lang.naming.StepNames;
import org.pagewright.lang.layout.ContGroupsCheck;
import org.pagewright.lang.layout.Expression;
import org.pagewright.lang.layout.HibernationCheck;
import org.pagewright.lang.layout.HibernationMode;
import org.pagewright.lang.layout.LayoutPackage;
import org.pagewright.lang.layout.Location;
import org.pagewright.lang.layout.NoLeakCheck;
import org.pagewright.lang.layout.Phase;
import org.pagewright.lang.layout.PtdumpCheck;
import org.pagewright.lang.layout.PtdumpContentCheck;
import org.pagewright.lang.layout.Range;
import org.pagewright.lang.layout.RangeCheck;
import org.pagewright.lang.layout.Result;
import org.pagewright.lang.layout.SplitCheck;
import org.pagewright.lang.layout.TablePagesCheck;
import org.pagewright.lang.layout.Validity;
import org.pagewright.lang.layout.WxCleanCheck;

/** The checks of a {@code checks} block to configuration checks, one per phase it names, addresses resolved. */
final class CheckCompiler {
    private static final ConfigFactory F = ConfigFactory.eINSTANCE;

    private final CompiledPlatform platform;

    CheckCompiler(CompiledPlatform platform) {
        this.platform = platform;
    }

    /** @param lastPatch the revision a block without {@code after} applies to (the series' last patch) */
    List<org.pagewright.config.Check> compile(Checks block, int lastPatch) {
        List<org.pagewright.config.Check> out = new ArrayList<>();
        List<Phase> phases = block.getPhases().isEmpty() ? List.of(Phase.RUNTIME) : block.getPhases();
        for (Check check : block.getChecks()) {
            ICompositeNode node = NodeModelUtils.findActualNodeFor(check);
            String description = TokenText.of(node);
            String source = CompileProblem.location(check, node);
            for (Phase phase : phases) {
                org.pagewright.config.Check c = compile(check);
                c.setDescription(description);
                c.setSource(source);
                c.setAfterPatch(block.getPatch() != null ? block.getPatch() : lastPatch);
                if (block.getStep() != null) {
                    c.setAfterStep(StepNames.nameOf(block.getStep()));
                }
                c.setPhase(org.pagewright.config.Phase.get(phase.getLiteral()));
                out.add(c);
            }
        }
        return out;
    }

    private org.pagewright.config.Check compile(Check check) {
        return switch (check) {
            case AccessCheck a -> {
                var c = F.createAccessCheck();
                var outcome = a.getOutcome();
                c.setAddress(address(a.getLocation()));
                c.setAccess(AccessKind.get(a.getAccess().getLiteral()));
                c.setExpectFault(outcome.isFault());
                if (outcome.isFault()) {
                    c.setFaultLevel(outcome.getLevel());
                } else {
                    c.setLeafLevel(outcome.getLevel());
                }
                c.setFaultKind(outcome.getKind() == null ? FaultKind.ANY : FaultKind.get(outcome.getKind()));
                c.setLeafShape(outcome.getShape() == null ? LeafShape.ANY : LeafShape.get(outcome.getShape()));
                if (outcome.getPa() != null) {
                    c.setExpectedPa(platform.addresses.value(outcome.getPa()));
                }
                if (outcome.isMapped()) {
                    c.setMappedAs(outcome.getAttributes());
                }
                yield c;
            }
            case PtdumpContentCheck p when p.getRow() != null -> {
                var c = F.createPtdumpContainsCheck();
                c.setRow(p.getRow());
                yield c;
            }
            case PtdumpContentCheck p -> {
                var c = F.createPtdumpSectionCheck();
                c.setSection(p.getSection());
                c.setComparison(Comparison.get(p.getComparison().getLiteral()));
                c.setCount(p.getCount());
                yield c;
            }
            case AliasRightsCheck r -> {
                var c = F.createAliasRightsCheck();
                long[] range = range(r.getLocation());
                c.setStart(range[0]);
                c.setEnd(range[1]);
                c.setVia(r.getVia() == null ? AliasVia.ANY : AliasVia.get(r.getVia().getLiteral()));
                c.setRight(r.getRight() == org.pagewright.lang.layout.AliasRight.WRITABLE ? AliasRight.WRITABLE
                        : AliasRight.EXECUTABLE);
                yield c;
            }
            case ContGroupsCheck g -> {
                var c = F.createContGroupsCheck();
                long[] range = range(g.getLocation());
                c.setStart(range[0]);
                c.setEnd(range[1]);
                yield c;
            }
            case RangeCheck r when r.getShape() != null -> {
                var c = F.createMappingShapeCheck();
                long[] range = range(r.getLocation());
                c.setStart(range[0]);
                c.setEnd(range[1]);
                c.setShape(MappingShape.get(r.getShape()));
                c.setLevel(r.getLevel());
                yield c;
            }
            case RangeCheck r -> {
                var c = F.createDescriptorBitsCheck();
                long[] range = range(r.getLocation());
                c.setStart(range[0]);
                c.setEnd(range[1]);
                c.setExpectSet(r.isHas());
                r.getBits().forEach(b -> c.getBits().add(DescriptorBit.get(b.getLiteral())));
                yield c;
            }
            case PtdumpCheck p -> {
                var c = F.createPtdumpCheck();
                c.setExpectFault(p.getResult() == Result.FAULT);
                yield c;
            }
            case NoLeakCheck n -> {
                var c = F.createNoLeakCheck();
                long[] r = range(n.getLocation());
                c.setStart(r[0]);
                c.setEnd(r[1]);
                c.setVia(n.getVia() == null ? AliasVia.ANY : AliasVia.get(n.getVia().getLiteral()));
                c.setExpectLeak(n.isLeaks());
                yield c;
            }
            case WxCleanCheck w -> F.createWxCleanCheck();
            case SplitCheck s -> {
                var c = F.createSetMemoryValidCheck();
                long[] r = range(s.getLocation());
                c.setVirt(r[0]);
                c.setNumPages((r[1] - r[0] + platform.geometry.pageSize() - 1) / platform.geometry.pageSize());
                c.setValid(s.getValidity() == Validity.VALID);
                c.setExpect(SplitExpectation.get(s.getExpected().getLiteral()));
                c.setSplitLevel(s.getLevel());
                c.setSplitTo(s.getTarget());
                yield c;
            }
            case HibernationCheck h -> {
                var c = F.createHibernationSaveCheck();
                long[] r = range(h.getLocation());
                c.setStart(r[0]);
                c.setEnd(r[1]);
                c.setExpectSaved(h.getMode() == HibernationMode.SAVES);
                yield c;
            }
            case TablePagesCheck t -> {
                var c = F.createTablePagesCheck();
                // `table_pages +3` without a comparison means exactly that change
                boolean written = !NodeModelUtils.findNodesForFeature(t,
                        LayoutPackage.Literals.TABLE_PAGES_CHECK__COMPARISON).isEmpty();
                c.setComparison(written ? Comparison.get(t.getComparison().getLiteral()) : Comparison.EQ);
                c.setDelta(t.getSign() != null);
                c.setCount("-".equals(t.getSign()) ? -t.getCount() : t.getCount());
                yield c;
            }
            default -> throw new CompileException(check, "no compilation for " + check.eClass().getName());
        };
    }

    private long address(Location l) {
        return l instanceof Range r ? platform.addresses.range(r)[0] : platform.addresses.value((Expression) l);
    }

    /** A single address stands for its page. */
    private long[] range(Location l) {
        if (l instanceof Range r) {
            return platform.addresses.range(r);
        }
        long a = platform.addresses.value((Expression) l);
        return new long[] {a, a + platform.geometry.pageSize()};
    }
}
