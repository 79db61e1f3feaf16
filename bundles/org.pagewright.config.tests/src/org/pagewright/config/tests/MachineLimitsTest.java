package org.pagewright.config.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewright.config.ConfigFactory;
import org.pagewright.config.Configuration;
import org.pagewright.config.DramBank;
import org.pagewright.config.MapFlag;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.RunResult;

/** What the engine cannot take is a problem naming the machine setting, never an exception from inside it. */
class MachineLimitsTest {
    private static final ConfigFactory F = ConfigFactory.eINSTANCE;

    private static RunResult runWithBank(long base, long size) {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        DramBank bank = F.createDramBank();
        bank.setName("high");
        bank.setBase(base);
        bank.setSize(size);
        c.getMemory().add(bank);
        return assertDoesNotThrow(() -> ConfigurationRunner.run(c));
    }

    @Test
    void aBankAtThePhysicalAddressSizeIsRefusedByName() {
        RunResult r = runWithBank(1L << 48, 64L << 20);
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("'high'") && p.contains("48-bit physical address")),
                r.problems()::toString);
    }

    @Test
    void aBankWrappingPast2To64IsRefused() {
        RunResult r = runWithBank(0xffff_ffff_ffff_f000L, 1L << 20);
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("wraps past 2^64")), r.problems()::toString);
    }

    @Test
    void anEmptyBankIsRefused() {
        RunResult r = runWithBank(1L << 40, 0);
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("has size 0")), r.problems()::toString);
    }

    @Test
    void aValidMachineStillRuns() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        RunResult r = ConfigurationRunner.run(c);
        assertTrue(r.problems().isEmpty(), r.problems()::toString);
    }
}
