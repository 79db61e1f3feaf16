package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.List;
import org.pagewright.arm64.attr.DirectMapPolicy;
import org.pagewright.arm64.op.Executor;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.table.PageTables;

/** Applies recipe operations to a fresh swapper_pg_dir with the engine configured for this boot. */
public record BootReplay(PageTables tables, List<Outcome> outcomes) {

    /** One operation and what the engine answered. */
    public record Outcome(Operation operation, OpResult result) {
        public boolean ok() {
            return result instanceof OpResult.Ok;
        }
    }

    /** The executor for this boot: version rules, CPU and the direct-map decisions of {@link KernelConfig}. */
    public static Executor executor(Boot boot) {
        KernelConfig c = boot.config();
        DirectMapPolicy policy = DirectMapPolicy.defaults().withForcePteMapping(c.forcePteMapping())
                .withCanSetDirectMap(c.canSetDirectMap()).withRodataFull(c.rodataFull())
                .withPhysOffset(boot.memory().physOffset());
        var pool = KfencePool.earlyPool(boot);
        if (pool.isPresent()) {
            long va = boot.linear(pool.getAsLong());
            policy = policy.withKfencePool(va, va + c.kfencePoolSize());
        }
        return Executor.of(c.runtimeGeometry(), c.rules(), c.cpu()).withDirectMap(policy);
    }

    public static BootReplay run(Boot boot, List<Operation> operations) {
        Executor executor = executor(boot);
        PageTables tables = executor.newTables();
        return new BootReplay(tables, apply(executor, tables, operations));
    }

    /** Applies further operations (e.g. a hibernation step) to this replay's state. */
    public BootReplay then(Boot boot, List<Operation> operations) {
        List<Outcome> all = new ArrayList<>(outcomes);
        all.addAll(apply(executor(boot), tables, operations));
        return new BootReplay(tables, all);
    }

    private static List<Outcome> apply(Executor executor, PageTables tables, List<Operation> operations) {
        List<Outcome> out = new ArrayList<>();
        for (Operation op : operations) {
            out.add(new Outcome(op, executor.apply(tables, op)));
        }
        return out;
    }

    /** Operations the engine did not accept as the kernel would (not Ok). */
    public List<Outcome> failures() {
        return outcomes.stream().filter(o -> !o.ok()).toList();
    }
}
