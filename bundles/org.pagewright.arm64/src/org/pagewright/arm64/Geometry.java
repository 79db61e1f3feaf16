package org.pagewright.arm64;

import java.util.Objects;

/**
 * The shape of the kernel's (TTBR1) translation regime for one granule and VA size, computed from the granule
 * as pgtable-hwdef.h does: a level resolves PAGE_SHIFT-3 bits, level n maps 2^((PAGE_SHIFT-3)*(4-n)+3) bytes,
 * the top level resolves whatever VA bits remain. Levels are numbered as the architecture does (-1..3; 3 = PTE).
 *
 * <p>Supported combinations are those arch/arm64/Kconfig offers (ARM64_VA_BITS_*): 4K 39/48/52, 16K 36/47/48/52,
 * 64K 42/48/52. 52-bit VA means LPA2 (TCR.DS=1) for 4K and 16K, and LVA for 64K.
 */
public final class Geometry {
    public static final int LAST_LEVEL = 3;

    public static final Geometry G4K_39 = known(Granule.G4K, 39);
    public static final Geometry G4K_48 = known(Granule.G4K, 48);
    public static final Geometry G4K_52 = known(Granule.G4K, 52);
    public static final Geometry G16K_36 = known(Granule.G16K, 36);
    public static final Geometry G16K_47 = known(Granule.G16K, 47);
    public static final Geometry G16K_48 = known(Granule.G16K, 48);
    public static final Geometry G16K_52 = known(Granule.G16K, 52);
    public static final Geometry G64K_42 = known(Granule.G64K, 42);
    public static final Geometry G64K_48 = known(Granule.G64K, 48);
    public static final Geometry G64K_52 = known(Granule.G64K, 52);

    private final Granule granule;
    private final int vaBits;
    private final boolean lpa2;
    private final int levels;

    private Geometry(Granule granule, int vaBits, boolean lpa2) {
        this.granule = granule;
        this.vaBits = vaBits;
        this.lpa2 = lpa2;
        int bits = granule.bitsPerLevel();
        this.levels = (vaBits - granule.pageShift() + bits - 1) / bits; // Kconfig PGTABLE_LEVELS
    }

    /** Convenience for known-good constants; only for combinations checked above. */
    private static Geometry known(Granule g, int bits) {
        return ((GeometryResult.Supported) check(g, bits)).geometry();
    }

    /** The geometry Linux uses for this granule and VA size (LPA2 implied by 52 bits with 4K/16K), or why none. */
    public static GeometryResult check(Granule granule, int vaBits) {
        return check(granule, vaBits, granule != null && linuxUsesLpa2(granule, vaBits));
    }

    /** Kconfig ARM64_VA_BITS_52 selects ARM64_LPA2 for 4K and 16K pages; 64K reaches 52 bits with LVA instead. */
    public static boolean linuxUsesLpa2(Granule granule, int vaBits) {
        return vaBits == 52 && granule != Granule.G64K;
    }

    /** As {@link #check(Granule, int)} with LPA2 stated explicitly; refuses an inconsistent LPA2 choice. */
    public static GeometryResult check(Granule granule, int vaBits, boolean lpa2) {
        if (granule == null) {
            return new GeometryResult.Unsupported("no granule given (expected 4K, 16K or 64K)");
        }
        int[] offered = switch (granule) { // arch/arm64/Kconfig: ARM64_VA_BITS_* depends on the page size
            case G4K -> new int[] {39, 48, 52};
            case G16K -> new int[] {36, 47, 48, 52};
            case G64K -> new int[] {42, 48, 52};
        };
        if (java.util.Arrays.stream(offered).noneMatch(b -> b == vaBits)) {
            return new GeometryResult.Unsupported(granule.label() + " pages with " + vaBits
                    + "-bit VA is not a Linux arm64 configuration; Kconfig offers "
                    + java.util.Arrays.toString(offered) + " bits for " + granule.label());
        }
        if (lpa2 && granule == Granule.G64K) {
            return new GeometryResult.Unsupported(
                    "LPA2 applies to 4K and 16K granules only; 64K with 52 bits uses LVA (set lpa2=false)");
        }
        if (lpa2 && vaBits != 52) {
            return new GeometryResult.Unsupported("LPA2 (TCR.DS=1) is used by Linux only with 52-bit VA, not "
                    + vaBits + " bits");
        }
        if (!lpa2 && linuxUsesLpa2(granule, vaBits)) {
            return new GeometryResult.Unsupported(granule.label() + " pages with 52-bit VA need LPA2; without it the"
                    + " kernel falls back to vabits_actual=48 (memory.h): use 48 bits");
        }
        return new GeometryResult.Supported(new Geometry(granule, vaBits, lpa2));
    }

    public Granule granule() {
        return granule;
    }

    public int vaBits() {
        return vaBits;
    }

    /** FEAT_LPA2 descriptors (TCR.DS=1): SH moves to TCR, bits 9:8 hold OA[51:50]. */
    public boolean lpa2() {
        return lpa2;
    }

    /** Physical address bits the descriptors can encode: 52 with LPA2 or 64K/52 (LVA+LPA), else 48. */
    public int paBits() {
        return vaBits == 52 ? 52 : 48;
    }

    public int pageShift() {
        return granule.pageShift();
    }

    public long pageSize() {
        return granule.pageSize();
    }

    /** CONFIG_PGTABLE_LEVELS. */
    public int levels() {
        return levels;
    }

    /** The level of the root table: 4 - levels (-1 for 4K/52 LPA2). */
    public int startLevel() {
        return 4 - levels;
    }

    /** ARM64_HW_PGTABLE_LEVEL_SHIFT(level) = (PAGE_SHIFT-3)*(4-level)+3. */
    public int levelShift(int level) {
        return granule.bitsPerLevel() * (4 - level) + 3;
    }

    /** Bytes mapped by one entry at this level. */
    public long levelSize(int level) {
        return 1L << levelShift(level);
    }

    /** Index bits at this level; the root resolves only what remains of the VA (PTRS_PER_PGD). */
    public int indexBits(int level) {
        return level == startLevel() ? vaBits - levelShift(level) : granule.bitsPerLevel();
    }

    /** Entries a table at this level uses: e.g. 16 for the 4K/52 level -1 root, 2 for the 16K/48 root. */
    public int entries(int level) {
        return 1 << indexBits(level);
    }

    /** Index of the entry for va in a table of this level. */
    public int index(int level, long va) {
        return (int) ((va >>> levelShift(level)) & (entries(level) - 1));
    }

    /** Whether Linux creates block entries at this level (mmu.c: 4K PUD 1G + PMD 2M; 16K/64K PMD only). */
    public boolean linuxBlockLevel(int level) {
        if (level < startLevel() || level >= LAST_LEVEL) {
            return false;
        }
        return level == 2 || (level == 1 && granule == Granule.G4K); // pgtable.h: pud_sect_supported()
    }

    /** Entries in a contiguous-hint group at this level (CONT_PTES / CONT_PMDS); 0 where Linux never sets it. */
    public int contEntries(int level) {
        return switch (level) { // Kconfig: ARM64_CONT_PTE_SHIFT 4/7/5, ARM64_CONT_PMD_SHIFT 4/5/5
            case 3 -> switch (granule) { case G4K -> 16; case G16K -> 128; case G64K -> 32; };
            case 2 -> switch (granule) { case G4K -> 16; case G16K -> 32; case G64K -> 32; };
            default -> 0;
        };
    }

    /** Bytes covered by a contiguous group at this level (CONT_PTE_SIZE / CONT_PMD_SIZE); 0 if none. */
    public long contSize(int level) {
        return contEntries(level) * levelSize(level);
    }

    /** Lowest TTBR1 (kernel) address: -(1 << VA_BITS), i.e. PAGE_OFFSET. */
    public long kernelVaStart() {
        return -(1L << vaBits);
    }

    /** Whether va is translated through TTBR1 with this VA size (top bits all ones). */
    public boolean isKernelVa(long va) {
        return Long.compareUnsigned(va, kernelVaStart()) >= 0;
    }

    /** Linux's name for a level as ptdump prints it (folded levels take the name of the level above). */
    public String linuxLevelName(int level) {
        if (level == LAST_LEVEL) {
            return "PTE";
        }
        if (level == startLevel()) {
            return "PGD";
        }
        return switch (level) {
            case 0 -> "P4D";
            case 1 -> "PUD";
            default -> "PMD";
        };
    }

    // ---- output address encoding (pgtable.h __phys_to_pte_val / __pte_to_phys) ----

    /** Descriptor bits that hold the output address of an entry mapping levelSize(level) bytes. */
    public long outputAddressMask(int level) {
        long low = lowAddressMask() & -levelSize(level);
        return low | highAddressField();
    }

    /** The descriptor without its output-address bits (attributes, type, software bits). */
    public long attributeBits(long descriptor) {
        return descriptor & ~outputAddressMask(LAST_LEVEL);
    }

    /** Extracts the physical output address from a descriptor (table, block or page). */
    public long outputAddress(long descriptor) {
        long pa = descriptor & lowAddressMask();
        long high = descriptor & highAddressField();
        if (high != 0) {
            pa |= lpa2 ? high << 42 : high << 36; // LPA2: bits 9:8 -> 51:50; 64K LPA: bits 15:12 -> 51:48
        }
        return pa;
    }

    /** Encodes a page-aligned physical address into descriptor bits. */
    public long encodeOutputAddress(long pa) {
        long bits = pa & lowAddressMask();
        if (lpa2) {
            bits |= (pa >>> 42) & 0x300L;
        } else if (paBits() == 52) {
            bits |= (pa >>> 36) & 0xF000L;
        }
        return bits;
    }

    /** Whether the descriptor format has an SH field at bits 9:8 (false under LPA2). */
    public boolean hasShareabilityField() {
        return !lpa2;
    }

    /** The largest physical address the descriptors can encode, exclusive. */
    public long physicalLimit() {
        return 1L << paBits();
    }

    private long lowAddressMask() {
        int top = lpa2 ? 50 : 48; // PTE_ADDR_LOW: bits [49 or 47 : PAGE_SHIFT]
        return ((1L << top) - 1) & -pageSize();
    }

    private long highAddressField() {
        if (lpa2) {
            return 0x300L; // PTE_ADDR_HIGH = OA[51:50] in bits 9:8
        }
        return paBits() == 52 ? 0xF000L : 0; // 64K 52-bit PA: OA[51:48] in bits 15:12
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geometry g && g.granule == granule && g.vaBits == vaBits && g.lpa2 == lpa2;
    }

    @Override
    public int hashCode() {
        return Objects.hash(granule, vaBits, lpa2);
    }

    @Override
    public String toString() {
        return granule.label() + "/" + vaBits + (lpa2 ? " LPA2" : "") + " (" + levels + " levels, root L"
                + startLevel() + " with " + entries(startLevel()) + " entries)";
    }
}
