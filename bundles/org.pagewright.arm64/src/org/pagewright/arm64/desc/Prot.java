package org.pagewright.arm64.desc;

import static org.pagewright.arm64.desc.Descriptor.*;

import org.pagewright.arm64.Geometry;

/**
 * A pgprot_t: the attribute bits of a page descriptor, without output address (pgtable-prot.h). Constants are the
 * page (level 3) form for a non-LPA2, non-KPTI kernel; {@link #withNg()} applies PTE_MAYBE_NG under KPTI,
 * {@link #forGeometry} drops PTE_SHARED under LPA2, {@link #blockForm()} clears bit 1 as mk_p?d_sect_prot does.
 *
 * @param ngCleared PTE_NG cleared on purpose (map_entry_trampoline: "the trampoline is always mapped and can
 *        therefore be global"), so that PTE_MAYBE_NG does not make it nG under KPTI
 */
public record Prot(long bits, boolean ngCleared) {

    public Prot(long bits) {
        this(bits, false);
    }

    /** PROT_DEFAULT = PTE_TYPE_PAGE | PTE_AF | PTE_SHARED (| PTE_MAYBE_NG, see withNg). */
    public static final long PROT_DEFAULT = TYPE_PAGE | AF | SHARED;
    /** PROT_NORMAL = PROT_DEFAULT | PTE_PXN | PTE_UXN | PTE_DIRTY | PTE_WRITE | ATTRINDX(MT_NORMAL). */
    public static final long PROT_NORMAL = PROT_DEFAULT | PXN | UXN | DIRTY | WRITE;

    /** PAGE_KERNEL: EL1 RW, never executable (raw 0x00e8000000000703 in the 6.1 capture). */
    public static final Prot PAGE_KERNEL = new Prot(PROT_NORMAL);
    /** PAGE_KERNEL_RO = (PROT_NORMAL & ~PTE_WRITE) | PTE_RDONLY. */
    public static final Prot PAGE_KERNEL_RO = new Prot((PROT_NORMAL & ~WRITE) | RDONLY);
    /** PAGE_KERNEL_ROX = (PROT_NORMAL & ~(PTE_WRITE | PTE_PXN)) | PTE_RDONLY. */
    public static final Prot PAGE_KERNEL_ROX = new Prot((PROT_NORMAL & ~(WRITE | PXN)) | RDONLY);
    /** PAGE_KERNEL_EXEC = PROT_NORMAL & ~PTE_PXN. */
    public static final Prot PAGE_KERNEL_EXEC = new Prot(PROT_NORMAL & ~PXN);
    /** PAGE_KERNEL_EXEC_CONT = PAGE_KERNEL_EXEC | PTE_CONT. */
    public static final Prot PAGE_KERNEL_EXEC_CONT = new Prot((PROT_NORMAL & ~PXN) | CONT);
    /** PAGE_KERNEL_TAGGED = pgprot_tagged(PAGE_KERNEL). */
    public static final Prot PAGE_KERNEL_TAGGED = PAGE_KERNEL.tagged();
    /** PROT_SECT_NORMAL = PROT_SECT_DEFAULT | PMD_SECT_PXN | PMD_SECT_UXN | PTE_WRITE | ATTRINDX(MT_NORMAL), in
     *  page form (the mapper writes blocks with bit 1 cleared): PAGE_KERNEL without PTE_DIRTY. */
    public static final Prot PROT_SECT_NORMAL = new Prot(PROT_NORMAL & ~DIRTY);
    /** PROT_DEVICE_nGnRE = PROT_DEFAULT | PTE_PXN | PTE_UXN | PTE_WRITE | ATTRINDX(MT_DEVICE_nGnRE). */
    public static final Prot PROT_DEVICE_nGnRE =
            new Prot(PROT_DEFAULT | PXN | UXN | WRITE | ((long) MemoryType.DEVICE_nGnRE.index() << ATTRINDX_SHIFT));
    /** PROT_NORMAL_NC. */
    public static final Prot PROT_NORMAL_NC =
            new Prot(PROT_DEFAULT | PXN | UXN | WRITE | ((long) MemoryType.NORMAL_NC.index() << ATTRINDX_SHIFT));

    /** pgprot_tagged(): AttrIndx := MT_NORMAL_TAGGED, unconditionally. */
    public Prot tagged() {
        return new Prot(Descriptor.withAttrIndex(bits, MemoryType.NORMAL_TAGGED.index()), ngCleared);
    }

    /** PTE_MAYBE_NG resolved to nG (arm64_use_ng_mappings, i.e. KPTI). */
    public Prot withNg() {
        return new Prot(bits | NG);
    }

    /** pgprot_val(prot) &= ~PTE_NG: global whether or not the kernel uses nG mappings. */
    public Prot withNgCleared() {
        return new Prot(bits & ~NG, true);
    }

    /** withNg() when the condition holds (e.g. CpuFeatures.kptiNeeded()). */
    public Prot withNgIf(boolean useNg) {
        return useNg ? withNg() : this;
    }

    /** Adds PTE_GP (BTI-guarded text). */
    public Prot withGp() {
        return new Prot(bits | GP, ngCleared);
    }

    public Prot withCont() {
        return new Prot(bits | CONT, ngCleared);
    }

    public Prot set(long mask) {
        return new Prot(bits | mask, ngCleared);
    }

    public Prot clear(long mask) {
        return new Prot(bits & ~mask, ngCleared);
    }

    /** Block form (mk_pmd_sect_prot / mk_pud_sect_prot): bit 1 cleared. */
    public Prot blockForm() {
        return new Prot(bits & ~TABLE_BIT, ngCleared);
    }

    /** Under LPA2 PTE_MAYBE_SHARED is 0 (bits 9:8 carry OA[51:50]); otherwise unchanged. */
    public Prot forGeometry(Geometry geometry) {
        return geometry.hasShareabilityField() ? this : new Prot(bits & ~SHARED, ngCleared);
    }

    public MemoryType memoryType() {
        return MemoryType.ofIndex(Descriptor.attrIndex(bits));
    }

    public boolean has(long mask) {
        return (bits & mask) == mask;
    }

    /** The Linux name of this value if it is one of the constants (tagged and nG variants noted), else hex. */
    public String name() {
        long plain = bits & ~NG;
        String suffix = (bits & NG) != 0 ? "+nG" : "";
        Object[][] known = {
            {PAGE_KERNEL, "PAGE_KERNEL"}, {PAGE_KERNEL_RO, "PAGE_KERNEL_RO"}, {PAGE_KERNEL_ROX, "PAGE_KERNEL_ROX"},
            {PAGE_KERNEL_EXEC, "PAGE_KERNEL_EXEC"}, {PAGE_KERNEL_EXEC_CONT, "PAGE_KERNEL_EXEC_CONT"},
            {PROT_DEVICE_nGnRE, "PROT_DEVICE_nGnRE"}, {PROT_NORMAL_NC, "PROT_NORMAL_NC"}};
        for (Object[] k : known) {
            long v = ((Prot) k[0]).bits;
            if (plain == v || plain == (v & ~SHARED)) {
                return k[1] + suffix;
            }
            if (plain == ((Prot) k[0]).tagged().bits || plain == (((Prot) k[0]).tagged().bits & ~SHARED)) {
                return "pgprot_tagged(" + k[1] + ")" + suffix;
            }
        }
        return String.format("0x%016x", bits);
    }

    @Override
    public String toString() {
        return name();
    }
}
