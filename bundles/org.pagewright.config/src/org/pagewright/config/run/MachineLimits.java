package org.pagewright.config.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pagewright.arm64.Geometry;
import org.pagewright.config.DramBank;

/**
 * What the engine cannot take from a machine, said in the machine's terms before any table is built: DRAM the
 * descriptors cannot address, an empty or wrapping bank, a swapper_pg_dir that is not a table page. The language's
 * validator refuses the same inputs on their lines; this is the engine side, for configurations from anywhere.
 */
final class MachineLimits {

    private MachineLimits() {
    }

    static List<String> problems(Geometry geometry, List<DramBank> banks, Optional<Long> swapperPgDirPa) {
        List<String> problems = new ArrayList<>();
        long limit = geometry.physicalLimit();
        for (DramBank bank : banks) {
            String name = "machine: DRAM bank '" + bank.getName() + "'";
            long end = bank.getBase() + bank.getSize();
            if (bank.getSize() == 0) {
                problems.add(name + " has size 0");
            } else if (Long.compareUnsigned(end, bank.getBase()) < 0 && end != 0) {
                problems.add(name + " wraps past 2^64");
            } else if (Long.compareUnsigned(bank.getBase(), limit) >= 0 || end == 0
                    || Long.compareUnsigned(end, limit) > 0) {
                // arm64 memblock_add: memory above PHYS_MASK cannot be mapped (arch/arm64/mm/init.c)
                problems.add(String.format("%s [0x%x, 0x%x) lies beyond the %d-bit physical address size", name,
                        bank.getBase(), end, geometry.paBits()));
            } else if ((bank.getSize() & (geometry.pageSize() - 1)) != 0 && bank.getSize() < geometry.pageSize()) {
                problems.add(name + " is smaller than one " + geometry.pageSize() / 1024 + "K page");
            }
        }
        swapperPgDirPa.ifPresent(pa -> {
            if ((pa & (geometry.pageSize() - 1)) != 0) {
                // vmlinux.lds.S: swapper_pg_dir is PAGE_SIZE aligned (it is a page table)
                problems.add(String.format("image: swapper_pg_dir at PA 0x%x is not aligned to the %dK page size",
                        pa, geometry.pageSize() / 1024));
            }
        });
        return problems;
    }
}
