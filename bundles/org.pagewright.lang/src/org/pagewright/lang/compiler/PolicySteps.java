package org.pagewright.lang.compiler;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pagewright.lang.layout.AppendStep;
import org.pagewright.lang.layout.ChangeStep;
import org.pagewright.lang.layout.Edit;
import org.pagewright.lang.layout.Flag;
import org.pagewright.lang.layout.FlagsChange;
import org.pagewright.lang.layout.InsertStep;
import org.pagewright.lang.layout.MapStep;
import org.pagewright.lang.layout.Patch;
import org.pagewright.lang.layout.Phase;
import org.pagewright.lang.layout.PhaseSteps;
import org.pagewright.lang.layout.Policy;
import org.pagewright.lang.layout.Position;
import org.pagewright.lang.layout.Prot;
import org.pagewright.lang.layout.ProtChange;
import org.pagewright.lang.layout.RemoveStep;
import org.pagewright.lang.layout.ReplaceStep;
import org.pagewright.lang.layout.SetValidStep;
import org.pagewright.lang.layout.SetMemoryStep;
import org.pagewright.lang.layout.DirectMapStep;
import org.pagewright.lang.layout.Step;
import org.pagewright.lang.layout.UpdateProtStep;

/**
 * The steps of a policy by phase, as they stand after some patches: applying a patch's edits (insert before/after,
 * append to a phase, replace, remove, change flags or prot) yields the next revision. Steps keep their AST node;
 * flag and prot changes are held beside it, so the AST is never modified.
 */
final class PolicySteps {

    /** One step of a revision: the AST step, the patch that last touched it, and its effective flags and prot. */
    static final class Entry {
        final Step step;
        int patch;
        Set<Flag> flags;
        /** The step takes map_mem's flags for the platform besides {@link #flags} (`flags of map_mem`). */
        boolean mapMemFlags;
        Prot prot;

        Entry(Step step, int patch) {
            this.step = step;
            this.patch = patch;
            this.mapMemFlags = step.getAction() instanceof MapStep m && m.isMapMemFlags();
            this.flags = EnumSet.noneOf(Flag.class);
            this.flags.addAll(declaredFlags(step));
            this.prot = declaredProt(step);
        }

        Entry(Entry other) {
            this.step = other.step;
            this.patch = other.patch;
            this.mapMemFlags = other.mapMemFlags;
            this.flags = EnumSet.noneOf(Flag.class);
            this.flags.addAll(other.flags);
            this.prot = other.prot;
        }
    }

    private final Map<Phase, List<Entry>> phases = new EnumMap<>(Phase.class);

    private PolicySteps() {
    }

    static PolicySteps of(Policy policy) {
        PolicySteps s = new PolicySteps();
        for (PhaseSteps p : policy.getPhases()) {
            for (Step step : p.getSteps()) {
                s.phase(p.getPhase()).add(new Entry(step, 0));
            }
        }
        return s;
    }

    PolicySteps copy() {
        PolicySteps c = new PolicySteps();
        phases.forEach((phase, entries) -> entries.forEach(e -> c.phase(phase).add(new Entry(e))));
        return c;
    }

    Map<Phase, List<Entry>> phases() {
        return phases;
    }

    /** This revision with the patch's edits applied, in the order written. */
    PolicySteps apply(Patch patch) {
        PolicySteps next = copy();
        for (Edit edit : patch.getEdits()) {
            next.applyEdit(edit, patch.getNumber());
        }
        return next;
    }

    private void applyEdit(Edit edit, int patch) {
        switch (edit) {
            case InsertStep i -> {
                Located at = find(i.getAnchor(), i);
                at.list.add(i.getPosition() == Position.AFTER ? at.index + 1 : at.index, new Entry(i.getStep(), patch));
            }
            case AppendStep a -> phase(a.getPhase()).add(new Entry(a.getStep(), patch));
            case ReplaceStep r -> {
                Located at = find(r.getTarget(), r);
                at.list.set(at.index, new Entry(r.getStep(), patch));
            }
            case RemoveStep r -> {
                Located at = find(r.getTarget(), r);
                at.list.remove(at.index);
            }
            case ChangeStep c -> {
                Entry e = find(c.getTarget(), c).entry();
                e.patch = patch;
                switch (c.getChange()) {
                    case FlagsChange f -> {
                        switch (f.getOp()) {
                            case ADD -> e.flags.addAll(f.getFlags());
                            case REMOVE -> e.flags.removeAll(f.getFlags());
                            case SET -> {
                                e.mapMemFlags = false; // `flags = …` states them all
                                e.flags.clear();
                                e.flags.addAll(f.getFlags());
                            }
                        }
                    }
                    case ProtChange p -> {
                        if (e.prot == null) {
                            throw new CompileException(c, "step " + c.getTarget().getName() + " has no prot to change");
                        }
                        e.prot = p.getProt();
                    }
                    default -> throw new CompileException(c, "unknown change");
                }
            }
            default -> throw new CompileException(edit, "unknown edit " + edit.eClass().getName());
        }
    }

    private record Located(List<Entry> list, int index) {
        Entry entry() {
            return list.get(index);
        }
    }

    private Located find(Step target, Edit where) {
        if (target == null || target.eIsProxy()) {
            throw new CompileException(where, "the step this edit refers to does not exist");
        }
        for (List<Entry> list : phases.values()) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).step == target) {
                    return new Located(list, i);
                }
            }
        }
        throw new CompileException(where, "step '" + org.pagewright.lang.naming.StepNames.nameOf(target)
                + "' is not in the policy any more (removed or replaced by an earlier edit)");
    }

    private List<Entry> phase(Phase phase) {
        return phases.computeIfAbsent(phase, p -> new ArrayList<>());
    }

    private static List<Flag> declaredFlags(Step step) {
        return switch (step.getAction()) {
            case MapStep m -> m.getFlags();
            case UpdateProtStep u -> u.getFlags();
            case SetValidStep s -> s.getFlags();
            case SetMemoryStep s -> s.getFlags();
            case DirectMapStep d -> d.getFlags();
            default -> List.of();
        };
    }

    private static Prot declaredProt(Step step) {
        return switch (step.getAction()) {
            case MapStep m -> m.getProt();
            case UpdateProtStep u -> u.getProt();
            default -> null;
        };
    }
}
