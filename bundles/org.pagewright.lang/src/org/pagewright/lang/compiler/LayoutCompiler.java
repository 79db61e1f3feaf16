package org.pagewright.lang.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pagewright.config.ConfigFactory;
import org.pagewright.config.Configuration;
import org.pagewright.config.KernelImage;
import org.pagewright.config.PhaseOperations;
import org.pagewright.config.Revision;
import org.pagewright.lang.layout.Checks;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.layout.Patch;
import org.pagewright.lang.layout.Phase;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.layout.Policy;
import org.pagewright.lang.layout.Reservation;
import org.pagewright.lang.layout.ReservationKind;
import org.pagewright.lang.layout.Secret;
import org.pagewright.lang.layout.Series;
import org.pagewright.lang.layout.Subject;
import org.pagewright.lang.layout.Symbol;

/**
 * A layout file to simulator configurations: one per series (or policy) and platform it is checked on. Kernel
 * recipes are expanded for that platform, every patch of a series yields the whole policy as it stands after it,
 * and the checks aimed at it are attached with their addresses resolved.
 */
public final class LayoutCompiler {
    private static final ConfigFactory F = ConfigFactory.eINSTANCE;

    /** One configuration of a series or policy (the subject), or the problems that prevented it. */
    public record Compilation(String name, Subject subject, Configuration configuration, List<CompileProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private LayoutCompiler() {
    }

    public static List<Compilation> compile(Model model) {
        Map<String, List<Checks>> checksBySubject = new LinkedHashMap<>();
        Map<String, Subject> subjects = new LinkedHashMap<>();
        Map<String, Platform> platforms = new LinkedHashMap<>();
        for (var element : model.getElements()) {
            if (element instanceof Series s) {
                String key = s.getName();
                subjects.put(key, s);
                platforms.put(key, policyOf(s).getPlatform());
                checksBySubject.computeIfAbsent(key, k -> new ArrayList<>());
            } else if (element instanceof Checks c && c.getSubject() != null && !c.getSubject().eIsProxy()) {
                Subject subject = c.getSubject();
                Platform platform = c.getPlatform() != null ? c.getPlatform()
                        : policyOf(subject).getPlatform();
                String key = subject.getName() + (c.getPlatform() != null ? "@" + platform.getName() : "");
                subjects.putIfAbsent(key, subject);
                platforms.putIfAbsent(key, platform);
                checksBySubject.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }
        List<Compilation> out = new ArrayList<>();
        for (String key : subjects.keySet()) {
            out.add(compile(key, subjects.get(key), platforms.get(key), checksBySubject.get(key)));
        }
        return out;
    }

    static Compilation compile(String name, Subject subject, Platform platformAst,
            List<Checks> checks) {
        List<CompileProblem> problems = new ArrayList<>();
        Configuration c = F.createConfiguration();
        c.setName(name);
        c.setSource(CompileProblem.location(subject));
        try {
            Policy policy = policyOf(subject);
            CompiledPlatform platform = new CompiledPlatform(platformAst, policy.getImage());
            c.setMachine(platform.machine());
            c.getMemory().addAll(platform.banks());
            c.setImage(image(platform));
            reservations(platform, c);
            StepExpander expander = new StepExpander(platform);
            PolicySteps steps = PolicySteps.of(policy);
            Revision baseline = F.createRevision();
            baseline.setName(policy.getName());
            fill(baseline, steps, expander, problems);
            c.setBaseline(baseline);
            int last = 0;
            if (subject instanceof Series series) {
                for (Patch patch : series.getPatches()) {
                    try {
                        steps = steps.apply(patch);
                    } catch (CompileException e) {
                        problems.add(e.problem());
                        continue;
                    }
                    org.pagewright.config.Patch p = F.createPatch();
                    p.setNumber(patch.getNumber());
                    p.setTitle(patch.getTitle());
                    patch.getEdits().forEach(e -> p.getEdits().add(
                            TokenText.of(org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(e))));
                    fill(p, steps, expander, problems);
                    c.getPatches().add(p);
                    last = patch.getNumber();
                }
            }
            CheckCompiler checkCompiler = new CheckCompiler(platform);
            for (Checks block : checks) {
                try {
                    c.getChecks().addAll(checkCompiler.compile(block, last));
                } catch (CompileException e) {
                    problems.add(e.problem());
                }
            }
        } catch (CompileException e) {
            problems.add(e.problem());
        }
        return new Compilation(name, subject, c, problems);
    }

    private static void fill(Revision revision, PolicySteps steps, StepExpander expander, List<CompileProblem> problems) {
        for (Map.Entry<Phase, List<PolicySteps.Entry>> phase : steps.phases().entrySet()) {
            PhaseOperations ops = F.createPhaseOperations();
            ops.setPhase(org.pagewright.config.Phase.get(phase.getKey().getLiteral()));
            for (PolicySteps.Entry entry : phase.getValue()) {
                try {
                    ops.getOperations().addAll(expander.expand(entry));
                } catch (CompileException e) {
                    problems.add(e.problem());
                }
            }
            revision.getPhases().add(ops);
        }
    }

    private static KernelImage image(CompiledPlatform platform) {
        if (platform.image == null) {
            return null;
        }
        KernelImage image = F.createKernelImage();
        image.setName(platform.image.getName());
        if (platform.kimageVoffset != null) {
            image.setPhysBase(platform.image.getPhys().longValue());
            image.setVirtBase(platform.image.getVirt().longValue());
        }
        for (Symbol s : platform.image.getSymbols()) {
            org.pagewright.config.Symbol sym = F.createSymbol();
            sym.setName(s.getName());
            sym.setAddress(platform.symbols.get(s.getName()));
            if (s.getSize() != null) {
                sym.setSize(s.getSize().longValue());
            }
            image.getSymbols().add(sym);
        }
        for (Secret s : platform.image.getSecrets()) {
            long[] r = platform.addresses.range(s.getRange());
            org.pagewright.config.AddressRange range = F.createAddressRange();
            range.setName(s.getName());
            range.setStart(r[0]);
            range.setEnd(r[1]);
            image.getSecrets().add(range);
        }
        return image;
    }

    /** The image's reserved and nosave ranges as the physical frames hibernation judges. */
    private static void reservations(CompiledPlatform platform, Configuration c) {
        if (platform.image == null) {
            return;
        }
        for (Reservation r : platform.image.getReservations()) {
            long[] va = platform.addresses.range(r.getRange());
            org.pagewright.config.AddressRange range = F.createAddressRange();
            range.setName(r.getName());
            range.setStart(platform.addresses.physical(r, va[0]));
            range.setEnd(range.getStart() + (va[1] - va[0]));
            (r.getKind() == ReservationKind.NOSAVE ? c.getNosave() : c.getReserved()).add(range);
        }
    }

    private static Policy policyOf(Subject subject) {
        return subject instanceof Series s ? s.getPolicy() : (Policy) subject;
    }
}
