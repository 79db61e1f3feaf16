package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.List;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.UpdateMappingProt;

/**
 * mmu.c mark_rodata_ro (from mark_readonly, only when rodata is enabled): [__start_rodata, __init_begin) and,
 * since 5973a62efa34, [_text, _stext) become PAGE_KERNEL_RO in the image mapping. In 7.3 (the data/bss series)
 * it ends by making the data/bss linear alias present-invalid.
 */
public final class MarkRodataRo implements Recipe {

    @Override
    public List<Operation> operations(Boot boot) {
        KernelConfig c = boot.config();
        if (!c.rodata().enabled()) {
            return List.of(); // init/main.c mark_readonly: "This architecture does not have kernel memory protection"
        }
        KernelImage i = boot.image();
        Prot ro = c.resolve(Prot.PAGE_KERNEL_RO);
        List<Operation> ops = new ArrayList<>();
        ops.add(new UpdateMappingProt(new PhysicalAddress(i.pa(i.startRodata())), new VirtualAddress(i.startRodata()),
                i.initBegin() - i.startRodata(), ro, "mark_rodata_ro: [__start_rodata, __init_begin)"));
        if (c.textHeadMapped()) {
            ops.add(new UpdateMappingProt(new PhysicalAddress(i.pa(i.text())), new VirtualAddress(i.text()),
                    i.stext() - i.text(), ro, "mark_rodata_ro: [_text, _stext)"));
        }
        if (c.unmapsDataBssAlias()) {
            ops.add(DataBssAlias.validity(boot, false, "mark_rodata_ro: unmap the data/bss linear alias"));
        }
        return List.copyOf(ops);
    }
}
