package org.pagewright.config.run;

import static org.pagewright.arm64.desc.Descriptor.CONT;
import static org.pagewright.arm64.desc.Descriptor.GP;
import static org.pagewright.arm64.desc.Descriptor.NG;
import static org.pagewright.arm64.desc.Descriptor.SHARED;

import java.util.Map;

import org.pagewright.config.ConfigFactory;
import org.pagewright.config.Prot;
import org.pagewright.config.ProtBase;

/**
 * Between the configuration's symbolic prot (a Linux constant plus modifiers) and the engine's raw pgprot bits.
 * Lossless both ways: a value that is no constant-plus-modifiers becomes RAW with its bits.
 */
public final class ProtConversion {
    private static final Map<ProtBase, org.pagewright.arm64.desc.Prot> CONSTANTS = Map.of(
            ProtBase.PAGE_KERNEL, org.pagewright.arm64.desc.Prot.PAGE_KERNEL,
            ProtBase.PAGE_KERNEL_RO, org.pagewright.arm64.desc.Prot.PAGE_KERNEL_RO,
            ProtBase.PAGE_KERNEL_ROX, org.pagewright.arm64.desc.Prot.PAGE_KERNEL_ROX,
            ProtBase.PAGE_KERNEL_EXEC, org.pagewright.arm64.desc.Prot.PAGE_KERNEL_EXEC,
            ProtBase.PAGE_KERNEL_EXEC_CONT, org.pagewright.arm64.desc.Prot.PAGE_KERNEL_EXEC_CONT,
            ProtBase.PROT_DEVICE_NGNRE, org.pagewright.arm64.desc.Prot.PROT_DEVICE_nGnRE,
            ProtBase.PROT_NORMAL_NC, org.pagewright.arm64.desc.Prot.PROT_NORMAL_NC);

    private ProtConversion() {
    }

    /** The engine value of a configuration prot. */
    public static org.pagewright.arm64.desc.Prot toEngine(Prot prot) {
        if (prot.getBase() == ProtBase.RAW) {
            return new org.pagewright.arm64.desc.Prot(prot.getRawBits(), prot.isNgCleared());
        }
        org.pagewright.arm64.desc.Prot p = CONSTANTS.get(prot.getBase());
        if (prot.isTagged()) {
            p = p.tagged();
        }
        long bits = p.bits();
        bits = prot.isNotGlobal() ? bits | NG : bits;
        bits = prot.isContiguous() ? bits | CONT : bits;
        bits = prot.isGuarded() ? bits | GP : bits;
        bits = prot.isUnshared() ? bits & ~SHARED : bits;
        return new org.pagewright.arm64.desc.Prot(bits, prot.isNgCleared());
    }

    /** The configuration value of an engine prot: the first constant whose modifiers reproduce the bits exactly. */
    public static Prot toConfig(org.pagewright.arm64.desc.Prot prot) {
        Prot out = ConfigFactory.eINSTANCE.createProt();
        for (ProtBase base : ProtBase.VALUES) {
            if (base == ProtBase.RAW) {
                continue;
            }
            out.setBase(base);
            for (int modifiers = 0; modifiers < 32; modifiers++) {
                out.setTagged((modifiers & 1) != 0);
                out.setNotGlobal((modifiers & 2) != 0);
                out.setContiguous((modifiers & 4) != 0);
                out.setGuarded((modifiers & 8) != 0);
                out.setUnshared((modifiers & 16) != 0);
                if (toEngine(out).bits() == prot.bits()) {
                    out.setNgCleared(prot.ngCleared());
                    return out;
                }
            }
        }
        Prot raw = ConfigFactory.eINSTANCE.createProt();
        raw.setBase(ProtBase.RAW);
        raw.setRawBits(prot.bits());
        raw.setNgCleared(prot.ngCleared());
        return raw;
    }

    /** Linux spelling for reports: {@code pgprot_tagged(PAGE_KERNEL)}, {@code PAGE_KERNEL_ROX +GP}, or the raw bits. */
    public static String describe(Prot prot) {
        if (prot.getBase() == ProtBase.RAW) {
            return String.format("0x%016x", prot.getRawBits()) + (prot.isNgCleared() ? " -nG" : "");
        }
        StringBuilder b = new StringBuilder(prot.getBase().getLiteral());
        if (prot.isTagged()) {
            b.insert(0, "pgprot_tagged(").append(')');
        }
        if (prot.isNotGlobal()) {
            b.append(" +nG");
        }
        if (prot.isContiguous()) {
            b.append(" +CONT");
        }
        if (prot.isGuarded()) {
            b.append(" +GP");
        }
        if (prot.isUnshared()) {
            b.append(" -SH");
        }
        if (prot.isNgCleared()) {
            b.append(" -nG"); // global even under KPTI
        }
        return b.toString();
    }
}
