package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.List;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.attr.DirectMapPolicy;
import org.pagewright.arm64.op.Executor;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.TablePool;

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
        var pool = KfencePool.earlyPoolLinearRange(boot);
        if (pool.isPresent()) {
            policy = policy.withKfencePool(pool.get().start(), pool.get().end());
        }
        return Executor.of(c.runtimeGeometry(), c.rules(), c.cpu()).withDirectMap(policy);
    }

    /**
     * As {@link #run(Boot, List)} with the tables where the kernel has them: the root at swapper_pg_dir, the
     * fixmap's at bm_pud/bm_pmd/bm_pte, and every other early table from memblock, top-down from the top of the
     * highest bank (below the early KFENCE pool, which map_mem allocates first; above the image).
     */
    public static BootReplay run(Boot boot, List<Operation> operations, StaticTables statics) {
        Executor executor = executor(boot);
        org.pagewright.arm64.Geometry g = boot.config().runtimeGeometry();
        PhysicalMemory.Bank top = boot.memory().banks().get(boot.memory().banks().size() - 1);
        long end = KfencePool.earlyPool(boot).orElse(top.end());
        long start = Math.max(top.start(), boot.image().pa(boot.image().end()));
        TablePool pool = Long.compareUnsigned(start, end) < 0
                ? TablePool.topDown(g.granule(), start, end, TablePool.heapBudgetPages(g.granule()))
                : TablePool.withDefaults(g.granule());
        PageTables tables = statics.swapperPgDir().isPresent()
                ? PageTables.createWithRootAt(g, pool, new PhysicalAddress(statics.swapperPgDir().getAsLong())) : null;
        if (tables == null) {
            tables = PageTables.create(g, pool);
        }
        statics.place(tables, boot);
        return new BootReplay(tables, apply(executor, tables, operations));
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
