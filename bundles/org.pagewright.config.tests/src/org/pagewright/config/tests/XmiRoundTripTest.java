package org.pagewright.config.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagewright.config.AccessCheck;
import org.pagewright.config.AccessKind;
import org.pagewright.config.ConfigFactory;
import org.pagewright.config.Configuration;
import org.pagewright.config.CreateMapping;
import org.pagewright.config.FaultKind;
import org.pagewright.config.MapFlag;
import org.pagewright.config.Patch;
import org.pagewright.config.Phase;
import org.pagewright.config.ProtBase;
import org.pagewright.config.SetMemoryValid;
import org.pagewright.config.io.ConfigurationStore;

class XmiRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void aSavedConfigurationLoadsBackEqual() throws IOException {
        Configuration original = SampleConfigurations.dataBssSeries();
        Path file = dir.resolve("series.simcfg");

        ConfigurationStore.save(original, file);
        Configuration loaded = ConfigurationStore.load(file);

        assertTrue(EcoreUtil.equals(original, loaded), "loaded configuration differs from the saved one");
        Patch patch = loaded.getPatches().get(0);
        SetMemoryValid unmap = (SetMemoryValid) patch.getPhases().get(0).getOperations().get(1);
        assertEquals(0xffff000000a00000L, unmap.getVirt());
        assertEquals(13, unmap.getOrigin().getPatch());
        assertFalse(unmap.isValid());
    }

    @Test
    void kernelAddressesAreWrittenAsHexNotNegativeDecimals() {
        String xmi = new String(ConfigurationStore.toBytes(SampleConfigurations.dataBssSeries()), StandardCharsets.UTF_8);

        assertTrue(xmi.contains("virt=\"0xffff000000a00000\""), xmi);
        assertFalse(xmi.contains("virt=\"-"), "a kernel VA was written as a negative number");
        assertTrue(xmi.contains("<flags>NO_EXEC_MAPPINGS</flags>"), xmi);
        assertTrue(xmi.contains("granule=\"4K\""), "a granule equal to the default must still be written: " + xmi);
        assertTrue(xmi.contains("valid=\"false\""), "an invalidation must be explicit: " + xmi);
    }

    @Test
    void enumsMultiValuedAttributesAndNullableIntegersSurvive() throws IOException {
        Configuration original = SampleConfigurations.dataBssSeries();
        ConfigFactory f = ConfigFactory.eINSTANCE;
        AccessCheck anyLevel = f.createAccessCheck();
        anyLevel.setAddress(0xffff000000a00000L);
        anyLevel.setAccess(AccessKind.WRITE);
        anyLevel.setExpectFault(true);
        anyLevel.setFaultKind(FaultKind.PERMISSION);
        anyLevel.setPhase(Phase.HIBERNATION_PREPARE);
        original.getChecks().add(anyLevel);

        Configuration loaded = ConfigurationStore.load(
                new ByteArrayInputStream(ConfigurationStore.toBytes(original)), URI.createURI("memory:/x.simcfg"));

        CreateMapping bank = (CreateMapping) loaded.getBaseline().getPhases().get(0).getOperations().get(0);
        assertEquals(ProtBase.PAGE_KERNEL, bank.getProt().getBase());
        assertTrue(bank.getProt().isTagged());
        assertEquals(java.util.List.of(MapFlag.NO_EXEC_MAPPINGS), bank.getFlags());
        AccessCheck reloaded = (AccessCheck) loaded.getChecks().get(loaded.getChecks().size() - 1);
        assertEquals(null, reloaded.getFaultLevel());
        assertEquals(Phase.HIBERNATION_PREPARE, reloaded.getPhase());
        assertEquals(3, ((AccessCheck) loaded.getChecks().get(0)).getFaultLevel());
    }

    @Test
    void garbageIsALocatedIoErrorNotARuntimeException() {
        byte[] notXml = "platform qemu { granule 4K }".getBytes(StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ConfigurationStore.load(
                new ByteArrayInputStream(notXml), URI.createURI("memory:/broken.simcfg")));
        assertTrue(e.getMessage().startsWith("memory:/broken.simcfg"), e.getMessage());
    }

    @Test
    void aFailedSaveLeavesNoFileBehind() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where a folder should be");
        Path target = blocker.resolve("out.simcfg");

        assertThrows(IOException.class, () -> ConfigurationStore.save(SampleConfigurations.dataBssSeries(), target));
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(blocker), files.toList());
        }
    }
}
